package org.childprotection.registry.api.security.transport;

import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Without {@code registry.security.behind-tls-proxy}, anyone's {@code X-Forwarded-Proto} makes nothing secure. */
@RegistryApiTest
class ForwardedHeadersIgnoredApiTest {

    @Autowired
    ApiClient api;

    @Test
    void a_plain_request_claiming_https_gets_no_hsts() {
        ApiClient.Answer answer = api.send(api.request("li.caseworker", "/api/me")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Strict-Transport-Security")).isNull();
    }
}
