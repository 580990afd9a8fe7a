package org.childprotection.registry.replay.witness;

import org.childprotection.registry.integrity.MerkleLogKind;
import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.eventlog.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The registry's API as a witness sees it: HTTP(S) with Basic authentication, and the headers by which the API's
 * access log records who ran the witness. No database connection.
 */
public class RegistryClient {

    /** An answer the registry gave that was not a success. */
    public static class ErrorAnswer extends IOException {
        private final int status;

        ErrorAnswer(String what, int status, String body) {
            super(what + " answered " + status + (body.isBlank() ? "" : ": " + abbreviate(body)));
            this.status = status;
        }

        public int status() {
            return status;
        }

        private static String abbreviate(String body) {
            String line = body.replaceAll("\\s+", " ").trim();
            return line.length() > 300 ? line.substring(0, 300) + "…" : line;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI registry;
    private final String authorization;

    public RegistryClient(URI registry, String user, String password) {
        this.registry = URI.create(registry.toString().replaceAll("/+$", "") + "/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public JsonNode integrity() throws IOException, InterruptedException {
        return send(request("api/integrity").GET().build(), "GET /api/integrity");
    }

    public JsonNode consistency(MerkleLogKind log, long from, long to) throws IOException, InterruptedException {
        String query = "api/integrity/consistency?from=" + from + "&to=" + to
                + (log == MerkleLogKind.EVENTS ? "" : "&log=" + log.apiName());
        return send(request(query).GET().build(), "GET /" + query);
    }

    public JsonNode cosign(String body) throws IOException, InterruptedException {
        return send(request("api/integrity/cosignatures").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "POST /api/integrity/cosignatures");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(registry.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("X-Registry-Client", "replay-tools witness")
                .header("X-Registry-OS-User", System.getProperty("user.name", ""));
    }

    private JsonNode send(HttpRequest request, String what) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new ErrorAnswer(what, response.statusCode(), response.body());
        }
        return EventJson.mapper().readTree(response.body());
    }
}
