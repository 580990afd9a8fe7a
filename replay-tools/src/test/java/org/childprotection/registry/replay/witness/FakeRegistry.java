package org.childprotection.registry.replay.witness;

import org.childprotection.registry.integrity.MerkleLogKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.integrity.MerkleTree;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A registry's integrity API as a witness sees it, on a real HTTP port: serves the heads a test crafts, proofs
 * computed from the leaves it is given (or whatever answer a test puts in their place), and records every request.
 */
class FakeRegistry implements AutoCloseable {

    record Request(String method, String uri, Map<String, String> headers, String body) {
    }

    final KeyPair key = newKey();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<MerkleLogKind, List<byte[]>> leaves = new ConcurrentHashMap<>();
    private final HttpServer server;
    private volatile ObjectNode integrity;
    /** When set, served instead of a computed consistency proof: {status, body}. */
    volatile Object[] consistencyAnswer;

    FakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Path publicKeyPem(Path directory) throws IOException {
        Path file = directory.resolve("registry.pub.pem");
        Files.writeString(file, Ed25519Keys.pem("PUBLIC KEY", key.getPublic().getEncoded()));
        return file;
    }

    /** The log holds leaves made from these names (a rewritten log is another list of names). */
    void leaves(MerkleLogKind log, List<String> names) {
        leaves.put(log, names.stream().map(n -> MerkleTree.leafHash(n.getBytes(StandardCharsets.UTF_8))).toList());
    }

    static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    /** A head over the first {@code size} leaves, signed with {@code signer}. */
    ObjectNode head(MerkleLogKind log, int size, Instant timestamp, KeyPair signer) {
        byte[] root = MerkleTree.root(MerkleTree.inMemory(leaves.get(log)), size);
        ObjectNode head = EventJson.mapper().createObjectNode();
        head.put("treeSize", size);
        head.put("rootHash", HexFormat.of().formatHex(root));
        head.put("timestamp", org.childprotection.registry.integrity.TreeHead.format(timestamp));
        head.put("signature", Base64.getEncoder().encodeToString(sign(signer, log.headMessage(size, root, timestamp))));
        return head;
    }

    ObjectNode head(MerkleLogKind log, int size, Instant timestamp) {
        return head(log, size, timestamp, key);
    }

    void serve(ObjectNode eventsHead, ObjectNode accessLogHead) {
        ObjectNode answer = eventsHead.deepCopy();
        if (accessLogHead != null) {
            answer.set("accessLog", accessLogHead);
        }
        integrity = answer;
    }

    List<JsonNode> cosignatures() throws IOException {
        List<JsonNode> posted = new ArrayList<>();
        for (Request r : requests) {
            if (r.method().equals("POST")) {
                posted.add(EventJson.mapper().readTree(r.body()));
            }
        }
        return posted;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                        e -> e.getKey().toLowerCase(), e -> e.getValue().get(0))), body));
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/integrity")) {
            answer(exchange, 200, integrity.toString());
        } else if (path.equals("/api/integrity/consistency")) {
            Object[] fixed = consistencyAnswer;
            answer(exchange, fixed == null ? 200 : (Integer) fixed[0],
                    fixed == null ? proof(exchange.getRequestURI().getQuery()) : (String) fixed[1]);
        } else if (path.equals("/api/integrity/cosignatures")) {
            answer(exchange, 201, "{}");
        } else {
            answer(exchange, 404, "{}");
        }
    }

    private String proof(String query) {
        Map<String, String> parameters = new ConcurrentHashMap<>();
        for (String pair : query.split("&")) {
            parameters.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        MerkleLogKind log = "access-log".equals(parameters.get("log")) ? MerkleLogKind.ACCESS_LOG : MerkleLogKind.EVENTS;
        long from = Long.parseLong(parameters.get("from"));
        long to = Long.parseLong(parameters.get("to"));
        ObjectNode answer = EventJson.mapper().createObjectNode().put("from", from).put("to", to);
        MerkleTree.consistencyProof(MerkleTree.inMemory(leaves.get(log)), from, to)
                .forEach(h -> answer.withArray("proof").add(HexFormat.of().formatHex(h)));
        answer.withArray("proof");
        return answer.toString();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sign(KeyPair signer, byte[] message) {
        return Ed25519Keys.sign(signer.getPrivate(), message);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
