package org.childprotection.registry.api.security.transport;

import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.SeenRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code registry.security.behind-tls-proxy=true}: the TLS proxy's {@code X-Forwarded-Proto} makes a request
 * secure (so HSTS is sent) and its {@code X-Forwarded-For} is the client's address. The proxy here is the test on
 * the loopback address, which Tomcat trusts as an internal proxy by default.
 */
@RegistryApiTest
@Import(SeenRequests.class)
@TestPropertySource(properties = "registry.security.behind-tls-proxy=true")
class BehindTlsProxyApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    SeenRequests seen;

    @Test
    void a_request_the_proxy_received_over_https_is_secure_and_from_the_client_it_names() {
        String probe = UUID.randomUUID().toString();

        ApiClient.Answer answer = api.send(api.request("li.caseworker", "/api/me")
                .header(SeenRequests.PROBE, probe)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.7"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(seen.seen(probe)).isEqualTo(new SeenRequests.Seen("203.0.113.7", true));
        assertThat(answer.header("Strict-Transport-Security")).startsWith("max-age=");
    }

    @Test
    void a_request_the_proxy_received_over_plain_http_stays_insecure() {
        String probe = UUID.randomUUID().toString();

        ApiClient.Answer answer = api.send(api.request("li.caseworker", "/api/me")
                .header(SeenRequests.PROBE, probe)
                .header("X-Forwarded-Proto", "http"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(seen.seen(probe)).isEqualTo(new SeenRequests.Seen("127.0.0.1", false));
        assertThat(answer.header("Strict-Transport-Security")).isNull();
    }
}
