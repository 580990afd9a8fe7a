package org.childprotection.registry.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.Registrations;
import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.integrity.MerkleTree;
import org.childprotection.registry.integrity.TreeHead;
import org.childprotection.registry.testsupport.Await;
import org.childprotection.registry.testsupport.Tampering;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two witnesses as an oversight body runs them: {@code replay-tools.jar witness} processes against the packaged API.
 * One is a WITNESS user; the other an oversight official's login with a witness key the registry is configured to
 * accept. Both cosign every head; then the registry's history is rewritten by its owner (the signer refuses, and a
 * head forged with the stolen key is refused by the witness), and a database restored from an older backup (a
 * shrunk tree) is refused too.
 */
class WitnessProcessesTest {

    @Test
    void two_witnesses_cosign_every_head_and_refuse_a_rewritten_history_a_forged_head_and_an_old_backup()
            throws Exception {
        try (Workspace workspace = new Workspace("witnesses");
             ScratchDatabase database = ScratchDatabase.create();
             ScratchDatabase restored = ScratchDatabase.create()) {
            Path dir = workspace.dir();
            Path southKey = dir.resolve("south/WITNESS.pem");
            keyMadeByTheOversightBody(southKey);
            String[] witnessKeyConfiguration = {"--registry.integrity.witnesses[0].name=south-audit-office",
                    "--registry.integrity.witnesses[0].public-key-file=" + southKey + ".pub"};
            Witness north = new Witness(dir, "north", "north.witness");
            Witness south = new Witness(dir, "south", "chen.oversight");

            Path backup = dir.resolve("old-backup.dump");
            long backedUpSize;
            try (RegistryNode node = RegistryNode.start("api", dir, database, witnessKeyConfiguration)) {
                // normal operation: both cosign every head
                register(node, 2);
                long first = headOverTheWholeLog(node, database);
                assertThat(north.once(node)).as(north.printed()).isZero();
                assertThat(south.once(node)).as(south.printed()).isZero();
                assertThat(cosigners(node, first)).containsExactlyInAnyOrder("north.witness", "south-audit-office");
                assertThat(new ObjectMapper().readTree(north.store().resolve("events/latest.json").toFile())
                        .get("treeSize").asLong()).isEqualTo(first);

                dump(database, backup);
                backedUpSize = first;
                register(node, 2);
                long second = headOverTheWholeLog(node, database);
                assertThat(second).isGreaterThan(first);
                assertThat(north.once(node)).as(north.printed()).isZero();
                assertThat(south.once(node)).as(south.printed()).isZero();
                assertThat(cosigners(node, second)).containsExactlyInAnyOrder("north.witness", "south-audit-office");
                assertThat(Files.readAllLines(south.store().resolve("events/history.jsonl"))).hasSize(2);
                // the access log's heads too (it grows only with reads, so its head may be the same one)
                assertThat(north.printed()).contains("access-log: cosigned");
                assertThat(south.printed()).contains("access-log: cosigned");
                assertThat(south.store().resolve("access-log/latest.json")).exists();

                // the insider's rewrite as the tables' owner: the signer refuses to sign the rebuilt tree
                JdbcTemplate owner = database.jdbc();
                long target = owner.queryForObject("SELECT min(global_index) FROM domain_event_entry", Long.class);
                new Tampering(owner).rewriteHistory(target);
                Await.until("the Merkle log rebuilt from the rewritten log", Duration.ofSeconds(60), () ->
                        owner.queryForObject("SELECT count(*) FROM merkle_leaf", Long.class) >= second);
                Await.until("signing stopped", Duration.ofSeconds(30),
                        () -> node.api().get(null, "/actuator/health").status() == 503);
                ApiClient.Answer health = node.api().get(null, "/actuator/health");
                assertThat(health.json().get("components").get("treeHeadSigning").get("description").asText())
                        .contains("signing stopped", "event " + target + " was changed");
                assertThat(owner.queryForObject("SELECT count(*) FROM tree_head", Long.class)).isZero();

                // commands go on; the owner signs the rewritten, grown tree with the key file it can read
                register(node, 1);
                Await.until("the rewritten Merkle log grown past the witnesses' head", Duration.ofSeconds(60), () ->
                        owner.queryForObject("SELECT count(*) FROM merkle_leaf", Long.class) > second
                                && owner.queryForObject("SELECT count(*) FROM merkle_leaf", Long.class).equals(
                                owner.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)));
                forgeHead(owner, dir.resolve("tree-head-signing-key.pem"));
                assertThat(north.once(node)).as(north.printed()).isEqualTo(3);
                assertThat(north.printed()).contains("REFUSED events: the consistency proof from size " + second);
                assertThat(north.evidence("events")).hasSize(1);
            }

            // a database restored from the older backup: its tree is smaller than the head the witness holds
            restore(backup, restored);
            try (RegistryNode node = RegistryNode.start("restored", dir, restored, witnessKeyConfiguration)) {
                assertThat(signedSize(node)).isEqualTo(backedUpSize);
                assertThat(south.once(node)).as(south.printed()).isEqualTo(3);
                assertThat(south.printed()).contains("REFUSED events: the tree shrank from");
                assertThat(south.evidence("events")).hasSize(1);
            }
        }
    }

    /** One witness: its key, its store, its login; each run a process of its own, as cron starts it. */
    private record Witness(Path dir, String name, String user) {

        Witness {
            try {
                Files.createDirectories(dir.resolve(name));
                Files.writeString(dir.resolve(name).resolve("password"), ApiClient.demoPassword(user) + "\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        Path store() {
            return dir.resolve(name).resolve("store");
        }

        Path log() {
            return dir.resolve(name + "-witness.log");
        }

        /** What its runs printed, for an assertion and its message. */
        String printed() {
            try {
                return Files.exists(log()) ? Files.readString(log()) : "";
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        int once(RegistryNode node) {
            JavaProcess witness = JavaProcess.start(JavaProcess.jar("reliability.replay-tools-jar"), dir, log(),
                    "witness", "--registry", node.baseUrl(), "--user", user,
                    "--password-file", dir.resolve(name).resolve("password").toString(),
                    "--registry-key", dir.resolve("tree-head-signing-key.pem.pub").toString(),
                    "--key", dir.resolve(name).resolve("WITNESS.pem").toString(),
                    "--store", store().toString(), "--once");
            assertThat(witness.waitFor(120)).as("the witness ends").isTrue();
            return witness.exitCode();
        }

        List<Path> evidence(String log) throws java.io.IOException {
            try (var folders = Files.list(store().resolve("evidence"))) {
                return folders.filter(f -> f.getFileName().toString().endsWith("-" + log)).toList();
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static void keyMadeByTheOversightBody(Path key) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.createDirectories(key.getParent());
        // made by the oversight body beforehand (openssl genpkey, pkey -pubout): its public half configured in the registry
        Files.writeString(key, Ed25519Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(Path.of(key + ".pub"), Ed25519Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    private static void register(RegistryNode node, int cases) {
        for (int i = 0; i < cases; i++) {
            ApiClient.Answer answer = node.api().post("li.caseworker", "/api/cases", Registrations.valid());
            assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
        }
    }

    /** Waits until the signed head covers every event in the log, so that it stays the latest while nothing is written. */
    private static long headOverTheWholeLog(RegistryNode node, ScratchDatabase database) {
        JdbcTemplate jdbc = database.jdbc();
        Await.until("a head over the whole log", Duration.ofSeconds(60), () -> signedSize(node)
                == jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
        return signedSize(node);
    }

    private static long signedSize(RegistryNode node) {
        ApiClient.Answer answer = node.api().get("chen.oversight", "/api/integrity");
        return answer.status() == 200 ? answer.json().get("treeSize").asLong() : -1;
    }

    private static List<String> cosigners(RegistryNode node, long treeSize) {
        JsonNode head = node.api().get("chen.oversight", "/api/integrity").json();
        assertThat(head.get("treeSize").asLong()).isEqualTo(treeSize);
        return head.get("cosignatures").findValuesAsText("witness");
    }

    /** The rewritten tree's root, signed with the registry's key read from its file, inserted as the owner can. */
    private static void forgeHead(JdbcTemplate owner, Path keyFile) throws Exception {
        List<byte[]> leaves = owner.query("SELECT leaf_hash FROM merkle_leaf ORDER BY leaf_index",
                (row, n) -> row.getBytes(1));
        byte[] root = MerkleTree.root(MerkleTree.inMemory(leaves), leaves.size());
        Instant at = TreeHead.truncate(Instant.now());
        PrivateKey stolen = Ed25519Keys.privateKey(Files.readString(keyFile));
        owner.update("INSERT INTO tree_head (tree_size, root_hash, signed_at, signature, key_id) VALUES (?, ?, ?, ?, ?)",
                leaves.size(), root, Timestamp.from(at), Ed25519Keys.sign(stolen, TreeHead.message(leaves.size(), root, at)),
                Ed25519Keys.keyId(Ed25519Keys.publicKeyOf(stolen)));
    }

    private static void dump(ScratchDatabase database, Path file) throws Exception {
        run(true, "pg_dump", "-Fc", "-h", "127.0.0.1", "-U", ScratchDatabase.USER, "-f", file.toString(), name(database));
    }

    private static void restore(Path file, ScratchDatabase into) throws Exception {
        // a fresh database already has the public schema: pg_restore says so and exits 1; the node's start checks the rest
        run(false, "pg_restore", "-h", "127.0.0.1", "-U", ScratchDatabase.USER, "--no-owner", "-d", name(into),
                file.toString());
    }

    private static String name(ScratchDatabase database) {
        return database.url().substring(database.url().lastIndexOf('/') + 1);
    }

    private static void run(boolean strict, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int code = process.waitFor();
        if (strict) {
            assertThat(code).as(String.join(" ", command) + ": " + output).isZero();
        } else if (code != 0) {
            System.out.println("[witnesses] " + command[0] + " exited " + code + ": " + output);
        }
    }
}
