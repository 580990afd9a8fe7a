package org.childprotection.registry.replay;

import org.childprotection.registry.integrity.SigningKey;
import org.childprotection.testapp.QuerySideTestApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The tool's context on the test database, and beside it the query side with its live processors in a context of
 * its own on the same database, as the API would run while maintainers use the tool.
 */
final class QuerySideBeside {

    private QuerySideBeside() {
    }

    static ConfigurableApplicationContext start(String[] database, String... registryArguments) {
        ReplayTools.picocliArguments(database);
        ReplayTools.context();
        return new SpringApplicationBuilder(QuerySideTestApplication.class).web(WebApplicationType.NONE)
                .run(Stream.concat(Arrays.stream(database), Arrays.stream(registryArguments)).toArray(String[]::new));
    }

    /** The registry's public key in a file of its own, as an oversight body would be given it out of band. */
    static Path publicKeyFile(ConfigurableApplicationContext registry) throws IOException {
        Path file = Files.createTempFile("registry", ".pub");
        Files.writeString(file, registry.getBean(SigningKey.class).publicKeyBase64());
        return file;
    }
}
