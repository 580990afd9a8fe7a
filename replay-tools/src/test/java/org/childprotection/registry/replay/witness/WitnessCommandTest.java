package org.childprotection.registry.replay.witness;

import org.childprotection.registry.integrity.MerkleLogKind;
import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.integrity.Cosignature;
import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.replay.ReplayTools;
import org.childprotection.registry.replay.WitnessCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** replay-tools witness against a registry's integrity API served by a fake on a real port: every decision. */
class WitnessCommandTest {

    private static final Instant T0 = Instant.parse("2026-07-01T10:00:00.123Z");

    @TempDir
    Path directory;
    FakeRegistry registry;
    Path store;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void start() throws IOException {
        registry = new FakeRegistry();
        registry.leaves(MerkleLogKind.EVENTS, FakeRegistry.names("event-", 20));
        registry.leaves(MerkleLogKind.ACCESS_LOG, FakeRegistry.names("read-", 20));
        Files.writeString(directory.resolve("password"), "s3cret\n");
        store = directory.resolve("store");
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    Run witness(String... extra) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ReplayTools.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] arguments = Stream.concat(Stream.of("witness", "--registry", registry.url(), "--user", "ombudsman",
                "--password-file", directory.resolve("password").toString(),
                "--registry-key", registry.publicKeyPem(directory).toString(),
                "--key", directory.resolve("keys/WITNESS.pem").toString(), "--store", store.toString()),
                Stream.of(extra)).toArray(String[]::new);
        return new Run(commandLine.execute(arguments), out.toString(), err.toString());
    }

    @Test
    void onFirstUseTrustsTheHeadKeepsItAndPostsACosignatureMadeWithANewKey() throws Exception {
        registry.serve(registry.head(MerkleLogKind.EVENTS, 5, T0), registry.head(MerkleLogKind.ACCESS_LOG, 3, T0));

        Run run = witness("--once");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        Path key = directory.resolve("keys/WITNESS.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        var witnessKey = Ed25519Keys.publicKey(Files.readString(directory.resolve("keys/WITNESS.pem.pub")));
        assertThat(latest("events").get("treeSize").asLong()).isEqualTo(5);
        assertThat(latest("access-log").get("treeSize").asLong()).isEqualTo(3);
        assertThat(Files.readAllLines(store.resolve("events/history.jsonl"))).hasSize(1);

        List<JsonNode> posted = registry.cosignatures();
        assertThat(posted).extracting(p -> p.get("log").asText()).containsExactly("events", "access-log");
        for (JsonNode cosignature : posted) {
            MerkleLogKind log = cosignature.get("log").asText().equals("events") ? MerkleLogKind.EVENTS
                    : MerkleLogKind.ACCESS_LOG;
            Head head = Head.from(log, log == MerkleLogKind.EVENTS ? registry.head(log, 5, T0)
                    : registry.head(log, 3, T0));
            assertThat(cosignature.get("publicKey").asText())
                    .isEqualTo(Base64.getEncoder().encodeToString(witnessKey.getEncoded()));
            assertThat(cosignature.get("rootHash").asText()).isEqualTo(head.rootHash());
            assertThat(Ed25519Keys.verify(witnessKey, Cosignature.message(head.message()),
                    Base64.getDecoder().decode(cosignature.get("signature").asText()))).isTrue();
            // an events head's cosignature is no access-log head's
            MerkleLogKind other = log == MerkleLogKind.EVENTS ? MerkleLogKind.ACCESS_LOG : MerkleLogKind.EVENTS;
            assertThat(Ed25519Keys.verify(witnessKey,
                    Cosignature.message(other.headMessage(head.treeSize(), head.root(), head.instant())),
                    Base64.getDecoder().decode(cosignature.get("signature").asText()))).isFalse();
        }
        for (FakeRegistry.Request request : registry.requests) {
            assertThat(request.headers()).containsEntry("x-registry-client", "replay-tools witness")
                    .containsEntry("x-registry-os-user", System.getProperty("user.name"))
                    .containsEntry("authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("ombudsman:s3cret".getBytes()));
        }
    }

    @Test
    void aGrownTreeIsProvedConsistentFromTheHeldHeadThenKeptAndCosigned() throws Exception {
        registry.serve(registry.head(MerkleLogKind.EVENTS, 5, T0), registry.head(MerkleLogKind.ACCESS_LOG, 3, T0));
        assertThat(witness("--once").code()).isZero();
        String keyBefore = Files.readString(directory.resolve("keys/WITNESS.pem"));
        registry.serve(registry.head(MerkleLogKind.EVENTS, 13, T0.plusSeconds(2)),
                registry.head(MerkleLogKind.ACCESS_LOG, 7, T0.plusSeconds(2)));

        Run run = witness("--once");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(registry.requests).extracting(FakeRegistry.Request::uri)
                .contains("/api/integrity/consistency?from=5&to=13",
                        "/api/integrity/consistency?from=3&to=7&log=access-log");
        assertThat(latest("events").get("treeSize").asLong()).isEqualTo(13);
        assertThat(Files.readAllLines(store.resolve("events/history.jsonl"))).hasSize(2);
        assertThat(Files.readAllLines(store.resolve("access-log/history.jsonl"))).hasSize(2);
        assertThat(registry.cosignatures()).hasSize(4);
        assertThat(Files.readString(directory.resolve("keys/WITNESS.pem"))).as("the key is kept").isEqualTo(keyBefore);
        assertThat(store.resolve("evidence")).doesNotExist();
    }

    @Test
    void aShrunkTreeIsRefusedWithBothHeadsKept() throws Exception {
        held(9);
        registry.serve(registry.head(MerkleLogKind.EVENTS, 4, T0.plusSeconds(5)), null);

        Run run = witness("--once");

        assertRefused(run, "the tree shrank from 9 to 4 leaves", 9, 4);
    }

    @Test
    void aHeadOlderThanTheOneHeldIsRefused() throws Exception {
        held(9);
        registry.serve(registry.head(MerkleLogKind.EVENTS, 12, T0.minusSeconds(60)), null);

        assertRefused(witness("--once"), "the head is older than the one held", 9, 12);
    }

    @Test
    void aTreeOfTheSameSizeWithAnotherRootIsRefused() throws Exception {
        held(9);
        registry.leaves(MerkleLogKind.EVENTS, FakeRegistry.names("rewritten-", 20));
        registry.serve(registry.head(MerkleLogKind.EVENTS, 9, T0.plusSeconds(5)), null);

        assertRefused(witness("--once"), "a tree of the same size with another root", 9, 9);
    }

    @Test
    void aRewrittenTreeWhoseProofDoesNotVerifyIsRefusedAndTheProofKept() throws Exception {
        held(9);
        // the insider rewrote an early event and signed the new tree with the registry's own key
        List<String> rewritten = FakeRegistry.names("event-", 20);
        rewritten.set(2, "changed");
        registry.leaves(MerkleLogKind.EVENTS, rewritten);
        registry.serve(registry.head(MerkleLogKind.EVENTS, 15, T0.plusSeconds(5)), null);

        Run run = witness("--once");

        Path evidence = assertRefused(run, "the consistency proof from size 9 to size 15 does not verify", 9, 15);
        assertThat(EventJson.mapper().readTree(evidence.resolve("proof.json").toFile()).get("proof")).isNotEmpty();
    }

    @Test
    void aConsistencyProofTheRegistryCannotGiveIsARefusal() throws Exception {
        held(9);
        registry.serve(registry.head(MerkleLogKind.EVENTS, 15, T0.plusSeconds(5)), null);
        registry.consistencyAnswer = new Object[]{409, "{\"type\":\"no-consistency-proof\"}"};

        Path evidence = assertRefused(witness("--once"),
                "the registry did not prove the held head a prefix of the offered one: GET /api/integrity/consistency?from=9&to=15 answered 409", 9, 15);
        assertThat(Files.readString(evidence.resolve("proof.json"))).contains("no-consistency-proof");
    }

    @Test
    void aHeadNotSignedByTheRegistrysKeyIsRefusedEvenOnFirstUse() throws Exception {
        registry.serve(registry.head(MerkleLogKind.EVENTS, 5, T0, FakeRegistry.newKey()), null);

        Run run = witness("--once");

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("REFUSED events: the head's signature is not the registry's");
        assertThat(store.resolve("events/latest.json")).doesNotExist();
        assertThat(registry.cosignatures()).isEmpty();
        Path evidence = onlyEvidence();
        assertThat(evidence.resolve("offered.json")).exists();
        assertThat(evidence.resolve("held.json")).doesNotExist();
    }

    @Test
    void anUnreachableRegistryIsExitOneWithNothingWritten() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.close();
        registry = new FakeRegistry() {
            @Override
            String url() {
                return "http://127.0.0.1:" + closedPort;
            }
        };

        Run run = witness("--once");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("witness: ");
        assertThat(store).doesNotExist();
    }

    @Test
    void aKeyMadeElsewhereGetsItsPublicHalfBesideItAndSignsTheCosignature() throws Exception {
        var made = FakeRegistry.newKey();
        Files.createDirectories(directory.resolve("keys"));
        Files.writeString(directory.resolve("keys/WITNESS.pem"), Ed25519Keys.pem("PRIVATE KEY", made.getPrivate().getEncoded()));
        registry.serve(registry.head(MerkleLogKind.EVENTS, 5, T0), null);

        assertThat(witness("--once").code()).isZero();

        assertThat(Ed25519Keys.publicKey(Files.readString(directory.resolve("keys/WITNESS.pem.pub"))))
                .isEqualTo(made.getPublic());
        assertThat(registry.cosignatures().get(0).get("publicKey").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(made.getPublic().getEncoded()));
    }

    @Test
    void everyPeriodEndsWithThreeAtTheFirstRefusal() throws Exception {
        held(9);
        registry.serve(registry.head(MerkleLogKind.EVENTS, 4, T0.plusSeconds(5)), null);

        assertRefused(witness("--every", "1h"), "the tree shrank from 9 to 4 leaves", 9, 4);
    }

    @Test
    void theScheduleIsEitherOnceOrEveryAPeriod() throws Exception {
        assertThat(witness().code()).as("neither").isEqualTo(2);
        assertThat(witness("--once", "--every", "5m").code()).as("both").isEqualTo(2);
        Run bad = witness("--every", "soon");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("'soon' is not a period");
        assertThat(witness("--every", "0s").err()).contains("longer than zero");
        assertThat(registry.requests).isEmpty();
    }

    @Test
    void periodsAreSecondsMinutesHoursOrIso8601() {
        var periods = new WitnessCommand.Periods();
        assertThat(periods.convert("30s")).hasSeconds(30);
        assertThat(periods.convert("5m")).hasMinutes(5);
        assertThat(periods.convert("1h")).hasHours(1);
        assertThat(periods.convert("PT90S")).hasSeconds(90);
    }

    /** The witness holds a head of this size over the original leaves. */
    private void held(int size) throws IOException {
        registry.serve(registry.head(MerkleLogKind.EVENTS, size, T0), null);
        assertThat(witness("--once").code()).isZero();
        registry.requests.clear();
    }

    private Path assertRefused(Run run, String why, long heldSize, long offeredSize) throws IOException {
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("REFUSED events: " + why).contains("held: size " + heldSize)
                .contains("offered: size " + offeredSize);
        assertThat(latest("events").get("treeSize").asLong()).as("the held head is kept").isEqualTo(heldSize);
        assertThat(registry.cosignatures()).isEmpty();
        Path evidence = onlyEvidence();
        assertThat(EventJson.mapper().readTree(evidence.resolve("held.json").toFile()).get("treeSize").asLong())
                .isEqualTo(heldSize);
        assertThat(EventJson.mapper().readTree(evidence.resolve("offered.json").toFile()).get("treeSize").asLong())
                .isEqualTo(offeredSize);
        assertThat(Files.readString(evidence.resolve("reason.txt"))).contains(why);
        return evidence;
    }

    private Path onlyEvidence() throws IOException {
        try (Stream<Path> folders = Files.list(store.resolve("evidence"))) {
            List<Path> all = folders.toList();
            assertThat(all).hasSize(1);
            assertThat(all.get(0).getFileName().toString()).matches("\\d{8}T\\d{6}\\.\\d{3}Z-events");
            return all.get(0);
        }
    }

    private JsonNode latest(String log) throws IOException {
        return EventJson.mapper().readTree(store.resolve(log).resolve("latest.json").toFile());
    }
}
