package org.childprotection.registry.replay;

import org.childprotection.testapp.QuerySideTestApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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
}
