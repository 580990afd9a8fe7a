package org.childprotection.registry.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.integrity.Cosignature;
import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.integrity.CanonicalAccessLog;
import org.childprotection.registry.integrity.CanonicalEvents;
import org.childprotection.registry.integrity.MerkleLogStore;
import org.childprotection.registry.integrity.SignerRecord;
import org.childprotection.registry.integrity.SignerRecordCheck;
import org.childprotection.registry.integrity.SigningGuard;
import org.childprotection.registry.integrity.SigningKey;
import org.childprotection.registry.integrity.SigningKeyFromFile;
import org.childprotection.registry.integrity.TreeHead;
import org.childprotection.registry.integrity.TreeHeads;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.RandomStories;
import org.childprotection.registry.testsupport.UniqueTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Key rotation and witnesses, end to end: heads signed by key A up to size N and by key B after it, verified with
 * both keys and their ranges; an export whose head carries its key id and the witnesses' cosignatures, checked by
 * verify-export against the witnesses' keys.
 */
class KeysAndWitnessesCommandsTest {

    @TempDir
    static Path dir;
    static String[] database;
    static ConfigurableApplicationContext registry;
    static JdbcTemplate jdbc;
    static Path keyA;
    static Path keyB;
    static long sizeN;
    static long sizeM;
    static String[] toolWithRotation;

    @BeforeAll
    static void headsSignedByTwoKeys() throws Exception {
        database = UniqueTestDatabase.createForArguments();
        keyA = dir.resolve("a.pem");
        keyB = dir.resolve("b.pem");
        registry = QuerySideBeside.start(database, "--registry.integrity.signing-key-file=" + keyA,
                "--registry.integrity.generate-key=true");
        jdbc = registry.getBean(JdbcTemplate.class);
        RandomStories stories = new RandomStories(new CaseEvents(registry.getBean(EventStore.class)), 14);
        for (int i = 0; i < 3; i++) {
            stories.live("before-" + i, "150101001001", Instant.parse("2026-07-01T00:00:00Z").plusSeconds(3600L * i));
        }
        ProjectionsAwait.caughtUp(registry.getBean(Reconciliation.class));
        sizeN = registry.getBean(TreeHeads.class).signLatest().orElseThrow().treeSize();
        for (int i = 0; i < 3; i++) {
            stories.live("after-" + i, "150101001001", Instant.parse("2026-08-01T00:00:00Z").plusSeconds(3600L * i));
        }
        ProjectionsAwait.caughtUp(registry.getBean(Reconciliation.class));
        sizeM = signer(new SigningKey(new SigningKeyFromFile(keyB, true), sizeN + 1, List.of())).signLatest()
                .orElseThrow().treeSize();
        assertThat(sizeM).isGreaterThan(sizeN);
        // the tool configured as a site is after the rotation: B signs from N + 1 on, A retired after N
        toolWithRotation = Stream.concat(Stream.of(database), Stream.of(
                "--registry.integrity.signing-key-file=" + keyB,
                "--registry.integrity.signing-key-from-tree-size=" + (sizeN + 1),
                "--registry.integrity.retired-keys[0].public-key-file=" + keyA + ".pub",
                "--registry.integrity.retired-keys[0].to-tree-size=" + sizeN)).toArray(String[]::new);
        ReplayTools.closeContext();
    }

    @AfterAll
    static void stop() {
        registry.close();
        ReplayTools.closeContext();
    }

    @Test
    void each_head_names_its_key_and_verify_checks_it_with_the_key_valid_for_its_size() {
        assertThat(jdbc.queryForList("SELECT DISTINCT key_id FROM tree_head WHERE tree_size <= ?", String.class, sizeN))
                .containsExactly(keyId(keyA));
        assertThat(jdbc.queryForObject("SELECT key_id FROM tree_head WHERE tree_size = ?", String.class, sizeM))
                .isEqualTo(keyId(keyB));

        Run both = run("verify", "--public-key", keyA + ".pub@.." + sizeN, "--public-key", keyB + ".pub@" + (sizeN + 1) + "..");
        assertThat(both.code()).as(both.out() + both.err()).isZero();
        Run configured = run("verify");
        assertThat(configured.code()).as(configured.out() + configured.err()).isZero();

        Run outsideItsRange = run("verify", "--public-key", keyA + ".pub@.." + (sizeN - 1),
                "--public-key", keyB + ".pub@" + sizeN + "..");
        assertThat(outsideItsRange.code()).isEqualTo(1);
        assertThat(outsideItsRange.out()).contains("NOT VERIFIED", "the tree head of size " + sizeN + " was signed by key "
                + keyId(keyA), "valid for tree sizes 0.." + (sizeN - 1) + "): outside its validity range");

        Run missing = run("verify", "--public-key", keyA + ".pub");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.out()).contains("the tree head of size " + sizeM + " was signed by key " + keyId(keyB)
                + ", which is not among the keys given");

        Run badRange = run("verify", "--public-key", keyA + ".pub@9..3");
        assertThat(badRange.code()).isEqualTo(2);
        assertThat(badRange.err()).contains("the range of " + keyA + ".pub ends before it starts");
    }

    @Test
    void a_rotated_key_refuses_to_sign_a_head_below_its_first_size_and_nothing_is_written() {
        long heads = jdbc.queryForObject("SELECT count(*) FROM tree_head", Long.class);
        TreeHeads early = signer(new SigningKey(new SigningKeyFromFile(keyB, false), sizeM + 1000, List.of()));
        // the log is at M, the head of size M exists: a head would only be signed once it grows, so grow it
        new RandomStories(new CaseEvents(registry.getBean(EventStore.class)), 15)
                .live("refused-head", "150101001001", Instant.parse("2026-09-01T00:00:00Z"));
        ProjectionsAwait.caughtUp(registry.getBean(Reconciliation.class));
        assertThatThrownBy(early::signLatest).hasMessageContaining("refuses to sign the head of size");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tree_head", Long.class)).isEqualTo(heads);
    }

    @Test
    void an_export_after_the_rotation_carries_its_key_id_and_verifies_only_with_that_key_in_range(@TempDir Path out)
            throws Exception {
        Path export = out.resolve("after.jsonl");
        Run exported = run("export", "--case", "after-1", "--with-proofs", "-o", export.toString());
        assertThat(exported.code()).as(exported.err()).isZero();
        JsonNode head = EventJson.mapper().readTree(Files.readAllLines(export).get(0)).get("treeHead");
        assertThat(head.get("keyId").asText()).isEqualTo(keyId(keyB));
        assertThat(head.get("cosignatures")).isEmpty();

        Run verified = run("verify-export", export.toString(), "--public-key", keyA + ".pub@.." + sizeN,
                "--public-key", keyB + ".pub@" + (sizeN + 1) + "..");
        assertThat(verified.code()).as(verified.out()).isZero();
        assertThat(verified.out()).contains(", signed by key " + keyId(keyB) + ")",
                "witnesses: 0 of the 0 witness keys given cosigned the head; 0 cosignature(s)");

        Run withoutB = run("verify-export", export.toString(), "--public-key", keyA + ".pub");
        assertThat(withoutB.code()).isEqualTo(1);
        assertThat(withoutB.out()).contains("NOT VERIFIED: the tree head's signature does not hold: the tree head of size "
                + head.get("treeSize").asLong() + " was signed by key " + keyId(keyB) + ", which is not among the keys given");
    }

    @Test
    void verify_export_counts_the_witnesses_whose_keys_it_was_given_and_catches_a_tampered_cosignature(@TempDir Path out)
            throws Exception {
        KeyPair first = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair second = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair silent = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        TreeHead headN = registry.getBean(TreeHeads.class).ofSize(sizeN).orElseThrow();
        cosign(headN, "witness-one", first);
        cosign(headN, "witness-two", second);
        Path firstKey = publicKeyFile(out, "one.pub", first, true);
        Path secondKey = publicKeyFile(out, "two.pub", second, false);
        Path silentKey = publicKeyFile(out, "silent.pub", silent, true);

        Path export = out.resolve("before.jsonl");
        Run exported = run("export", "--case", "before-1", "--with-proofs", "-o", export.toString());
        assertThat(exported.code()).as(exported.err()).isZero();
        List<String> lines = Files.readAllLines(export);
        JsonNode head = EventJson.mapper().readTree(lines.get(0)).get("treeHead");
        // the newest cosigned head that covers the case, not the latest head (size M, which no witness cosigned)
        assertThat(head.get("treeSize").asLong()).isEqualTo(sizeN);
        assertThat(head.get("keyId").asText()).isEqualTo(keyId(keyA));
        assertThat(head.get("cosignatures").findValuesAsText("witness")).containsExactlyInAnyOrder("witness-one", "witness-two");
        assertThat(head.get("cosignatures").findValuesAsText("keyId"))
                .contains(Ed25519Keys.keyId(first.getPublic()), Ed25519Keys.keyId(second.getPublic()));

        Run both = verifyExport(export, "--witness-key", firstKey.toString(), "--witness-key", secondKey.toString(),
                "--min-witnesses", "2");
        assertThat(both.code()).as(both.out() + both.err()).isZero();
        assertThat(both.out()).contains("cosignature by witness-one (key " + Ed25519Keys.keyId(first.getPublic())
                + ", " + firstKey + "): valid", "cosignature by witness-two", "witnesses: 2 of the 2 witness keys given");

        Run oneKeyGiven = verifyExport(export, "--witness-key", firstKey.toString(), "--min-witnesses", "2");
        assertThat(oneKeyGiven.code()).isEqualTo(2);
        assertThat(oneKeyGiven.err()).contains("--min-witnesses 2 needs at least as many --witness-key files (1 given)");

        Run oneCosigned = verifyExport(export, "--witness-key", firstKey.toString(), "--witness-key", silentKey.toString(),
                "--min-witnesses", "2");
        assertThat(oneCosigned.code()).isEqualTo(1);
        assertThat(oneCosigned.out()).contains("NOT VERIFIED: only 1 of the 2 witness keys given cosigned the tree head of "
                + "size " + sizeN + ", and --min-witnesses asks for 2: no cosignature by the witness key " + silentKey
                + " (key " + Ed25519Keys.keyId(silent.getPublic()) + ")");

        Run reportOnly = verifyExport(export, "--witness-key", firstKey.toString());
        assertThat(reportOnly.code()).as(reportOnly.out()).isZero();
        assertThat(reportOnly.out()).contains("cosignature by witness-one", "): valid",
                "cosignature by witness-two (key " + Ed25519Keys.keyId(second.getPublic()) + "): not checked");

        ObjectNode tampered = (ObjectNode) EventJson.mapper().readTree(lines.get(0));
        ObjectNode cosignature = (ObjectNode) tampered.get("treeHead").get("cosignatures").get(1);
        byte[] signature = Base64.getDecoder().decode(cosignature.get("signature").asText());
        signature[5] ^= 1;
        cosignature.put("signature", Base64.getEncoder().encodeToString(signature));
        Path tamperedFile = out.resolve("tampered.jsonl");
        Files.write(tamperedFile, Stream.concat(Stream.of(tampered.toString()), lines.stream().skip(1)).toList());
        Run caught = verifyExport(tamperedFile, "--witness-key", firstKey.toString(), "--witness-key",
                secondKey.toString(), "--min-witnesses", "2");
        assertThat(caught.code()).isEqualTo(1);
        assertThat(caught.out()).contains("NOT VERIFIED: the cosignature of " + cosignature.get("witness").asText())
                .contains("is not valid for this tree head: the file was altered");
    }

    private static Run verifyExport(Path export, String... witnessArguments) {
        return run(Stream.concat(Stream.of("verify-export", export.toString(), "--public-key", keyA + ".pub@.." + sizeN,
                "--public-key", keyB + ".pub@" + (sizeN + 1) + ".."), Stream.of(witnessArguments)).toArray(String[]::new));
    }

    private static void cosign(TreeHead head, String witness, KeyPair key) {
        jdbc.update("INSERT INTO cosignature (log, tree_size, root_hash, witness, public_key, signature, received_at) "
                        + "VALUES ('events', ?, ?, ?, ?, ?, ?)", head.treeSize(), head.rootHash(), witness,
                key.getPublic().getEncoded(), Cosignature.sign(key.getPrivate(), head.message()), Timestamp.from(Instant.now()));
    }

    /** As `openssl pkey -pubout` writes it (PEM), or as base64 of the DER. */
    private static Path publicKeyFile(Path dir, String name, KeyPair key, boolean pem) throws Exception {
        return Files.writeString(dir.resolve(name), pem ? Ed25519Keys.pem("PUBLIC KEY", key.getPublic().getEncoded())
                : Ed25519Keys.base64(key.getPublic()));
    }

    /** A signer with this key, and a record of its own (the record is kept per key). */
    private static TreeHeads signer(SigningKey key) {
        SignerRecord record = new SignerRecord(Path.of("registry-data/signer-record"), jdbc, key);
        SigningGuard guard = new SigningGuard(record, new SignerRecordCheck(record,
                registry.getBean(CanonicalEvents.class), registry.getBean(CanonicalAccessLog.class)), Clock.systemUTC());
        return new TreeHeads(jdbc, registry.getBean(MerkleLogStore.class), key, Clock.systemUTC(), guard, record);
    }

    private static String keyId(Path privateKeyFile) {
        return new SigningKey(privateKeyFile, false).keyId();
    }

    private static Run run(String... args) {
        return Run.of(toolWithRotation, args);
    }
}
