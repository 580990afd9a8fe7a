package org.childprotection.registry.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

/** Real HTTP against the running registry, as the demo users of the default configuration. */
@TestComponent
public class ApiClient {

    /** The demo users of application.yml and their (public, demo-only) passwords. */
    private static final Map<String, String> DEMO_PASSWORDS = Map.of(
            "li.caseworker", "demo-li",
            "wang.supervisor", "demo-wang",
            "zhao.supervisor", "demo-zhao",
            "sun.supervisor", "demo-sun",
            "chen.oversight", "demo-chen",
            "ops.maintainer", "demo-ops",
            "north.witness", "demo-north");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Environment environment;
    private final Consumer<HttpResponse<String>> observer;

    @Autowired
    public ApiClient(Environment environment) {
        this(environment, response -> { });
    }

    private ApiClient(Environment environment, Consumer<HttpResponse<String>> observer) {
        this.environment = environment;
        this.observer = observer;
    }

    /** This client, also showing every answer (with its request) to {@code observer}: a contract check, say. */
    public ApiClient observedBy(Consumer<HttpResponse<String>> observer) {
        return new ApiClient(environment, observer);
    }

    public static String demoPassword(String user) {
        return DEMO_PASSWORDS.get(user);
    }

    public record Answer(int status, HttpResponse<String> response) {

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + response.body(), e);
            }
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return response.body();
        }
    }

    public Answer get(String user, String path) {
        return send(request(user, path).GET());
    }

    public Answer post(String user, String path, Object body) {
        return send(request(user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(body), StandardCharsets.UTF_8)));
    }

    public HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + environment.getProperty("local.server.port") + path));
        if (user != null) {
            builder.header("Authorization", basic(user, demoPassword(user)));
        }
        return builder;
    }

    /** The {@code Authorization} header value of HTTP Basic. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A new session of this client (signed out; it keeps its own cookies), as the web console and scripts use. */
    public SessionClient session() {
        return new SessionClient(this);
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            observer.accept(response);
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    static String text(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
