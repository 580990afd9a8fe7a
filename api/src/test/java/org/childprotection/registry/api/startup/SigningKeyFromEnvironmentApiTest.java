package org.childprotection.registry.api.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.childprotection.registry.api.RegistryApplication;
import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.integrity.TreeHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing key handed to the registry in its environment (REGISTRY_INTEGRITY_SIGNING_KEY, as a secret manager
 * would), never written to disk: the registry signs with it and publishes the public key it derives from it.
 */
class SigningKeyFromEnvironmentApiTest {

    @Test
    void the_registry_signs_with_the_key_in_its_environment_and_publishes_its_public_key_and_key_id(@TempDir Path dir)
            throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Map<String, Object> variables = new HashMap<>(System.getenv());
        variables.put("REGISTRY_INTEGRITY_SIGNING_KEY", Ed25519Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        Path noFile = dir.resolve("tree-head-signing-key.pem");
        String keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded()));

        try (ProductionSite site = new ProductionSite();
             ConfigurableApplicationContext registry = new SpringApplicationBuilder(RegistryApplication.class)
                     .environment(environment)
                     .run(site.with("registry.integrity.signing-key-file", noFile.toString()).toArray(String[]::new))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + registry.getEnvironment().getProperty("local.server.port") + "/api/integrity"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (ProductionSite.OVERSIGHT + ":" + site.password).getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode head = new ObjectMapper().readTree(response.body());
            assertThat(head.get("publicKey").asText()).isEqualTo(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            assertThat(head.get("keyId").asText()).isEqualTo(keyId);
            byte[] message = TreeHead.message(head.get("treeSize").asLong(), HexFormat.of().parseHex(head.get("rootHash").asText()),
                    Instant.parse(head.get("timestamp").asText()));
            assertThat(Ed25519Keys.verify(pair.getPublic(), message, Base64.getDecoder().decode(head.get("signature").asText())))
                    .isTrue();
            try (Connection connection = site.owner.connect(site.owner.url())) {
                var keyIds = connection.createStatement().executeQuery("SELECT DISTINCT key_id FROM tree_head");
                assertThat(keyIds.next()).isTrue();
                assertThat(keyIds.getString(1)).isEqualTo(keyId);
                assertThat(keyIds.next()).isFalse();
            }
        }
        assertThat(dir).isEmptyDirectory();
    }
}
