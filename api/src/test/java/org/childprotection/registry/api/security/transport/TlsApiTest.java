package org.childprotection.registry.api.security.transport;

import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.SeenRequests;
import org.childprotection.registry.api.support.SelfSignedKeystore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.ApiClient.demoPassword;

/**
 * TLS is configuration ({@code server.ssl.*} with a PKCS#12 keystore, here one made by keytool): the registry
 * answers over HTTPS with Strict-Transport-Security, does not serve plain HTTP on that port, and, not being told
 * it is behind a proxy, believes no forwarded header.
 */
@RegistryApiTest
@Import(SeenRequests.class)
class TlsApiTest {

    private static final SelfSignedKeystore KEYSTORE = SelfSignedKeystore.create();

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry properties) {
        properties.add("server.ssl.key-store", () -> KEYSTORE.path().toUri().toString());
        properties.add("server.ssl.key-store-type", () -> "PKCS12");
        properties.add("server.ssl.key-store-password", KEYSTORE::password);
        properties.add("server.ssl.key-alias", KEYSTORE::alias);
    }

    @Autowired
    Environment environment;
    @Autowired
    SeenRequests seen;

    private final HttpClient https = HttpClient.newBuilder().sslContext(KEYSTORE.trustingIt()).build();

    @Test
    void a_user_signs_in_over_https_and_the_answer_demands_https_from_then_on() throws Exception {
        HttpResponse<String> me = https.send(request("https", "/api/me")
                .header("Authorization", ApiClient.basic("li.caseworker", demoPassword("li.caseworker")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"li.caseworker\"");
        assertThat(me.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).startsWith("max-age=").contains("includeSubDomains"));
    }

    @Test
    void the_tls_port_does_not_answer_plain_http() throws Exception {
        HttpResponse<String> plain = HttpClient.newHttpClient().send(request("http", "/api/me")
                .header("Authorization", ApiClient.basic("li.caseworker", demoPassword("li.caseworker")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).doesNotContain("li.caseworker");
    }

    @Test
    void forwarded_headers_are_not_believed_without_the_proxy_flag() throws IOException, InterruptedException {
        String probe = UUID.randomUUID().toString();

        HttpResponse<String> answer = https.send(request("https", "/actuator/health")
                .header(SeenRequests.PROBE, probe)
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Proto", "http").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(seen.seen(probe)).isEqualTo(new SeenRequests.Seen("127.0.0.1", true));
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void a_session_signed_in_over_https_gets_a_secure_cookie() throws Exception {
        HttpResponse<String> first = https.send(request("https", "/api/me").build(), HttpResponse.BodyHandlers.ofString());
        String csrf = cookie(first, "XSRF-TOKEN").replaceAll("^XSRF-TOKEN=([^;]*).*", "$1");

        HttpResponse<String> signedIn = https.send(request("https", "/api/session")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=li.caseworker&password="
                        + demoPassword("li.caseworker"))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(cookie(signedIn, "JSESSIONID")).contains("; Secure").contains("; HttpOnly")
                .contains("SameSite=Strict");
    }

    private static String cookie(HttpResponse<?> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie: " + answer.headers()));
    }

    private HttpRequest.Builder request(String scheme, String path) {
        return HttpRequest.newBuilder(URI.create(
                scheme + "://127.0.0.1:" + environment.getProperty("local.server.port") + path));
    }
}
