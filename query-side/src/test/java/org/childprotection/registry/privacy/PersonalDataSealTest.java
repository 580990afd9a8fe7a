package org.childprotection.registry.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.childcase.CaseExamples;
import org.childprotection.registry.correction.RecordCorrected;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.testsupport.TestKeys;
import org.childprotection.registry.testsupport.UniqueTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/erasure.md: what is sealed in an event, with which key, and what happens to the keys: a rotation of the
 * key-encryption key, a key-encryption key that is missing, a destroyed data key.
 */
class PersonalDataSealTest {

    private static final String OTHER_KEK = "b3RoZXItdGVzdC1rZXktZW5jcnlwdGlvbi1rZXktMzI=";

    private JdbcTemplate jdbc;
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(UniqueTestDatabase.createUrl());
        dataSource.setUser(UniqueTestDatabase.user());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void the_personal_fields_of_an_event_are_sealed_and_everything_else_stays_readable() {
        PersonalDataSeal seal = TestKeys.seal(dataSource);
        ChildRegistered event = CaseExamples.childRegistered();

        ObjectNode stored = sealed(seal, event);

        String text = stored.toString();
        assertThat(text).doesNotContain(event.child().name(), event.child().idNumber(), event.child().school(),
                event.child().dateOfBirth().toString(), event.father().workLocation(), event.report().description());
        assertThat(stored.at("/child/name/sealed").isTextual()).isTrue();
        assertThat(stored.at("/child/name").size()).as("the event names its case once, first").isOne();
        assertThat(stored.fieldNames().next()).isEqualTo("caseId");
        assertThat(stored.at("/child/villageCode").asText()).isEqualTo(event.child().villageCode());
        assertThat(stored.at("/child/sex").asText()).isEqualTo(event.child().sex().name());
        assertThat(stored.at("/reportedAt").asText()).isEqualTo(event.reportedAt().toString());
        assertThat(stored.at("/caseworker").asText()).isEqualTo(event.caseworker());
        assertThat(seal.open(stored.deepCopy(), event.caseId())).isEqualTo(EventJson.mapper().valueToTree(event));
        assertThat(seal.open(seal.seal(event), ChildRegistered.class)).isEqualTo(event);
    }

    @Test
    void a_sealed_text_with_escapes_and_a_sealed_date_read_back_as_they_were() {
        PersonalDataSeal seal = TestKeys.seal(dataSource);
        RecordCorrected quoted = new RecordCorrected("c-1", "e-1", "ChildRegistered", "child.name",
                "王\"晓\"明\n\\ \u0001", "笔误");
        ChildRegistered event = registeredAs("c-1");

        assertThat(seal.open(seal.seal(quoted), RecordCorrected.class)).isEqualTo(quoted);
        assertThat(seal.open(seal.seal(event), ChildRegistered.class).child().dateOfBirth())
                .isEqualTo(event.child().dateOfBirth());
    }

    @Test
    void a_message_written_with_its_case_elsewhere_than_first_still_opens() throws IOException {
        PersonalDataSeal seal = TestKeys.seal(dataSource);
        ChildRegistered event = registeredAs("c-2");
        ObjectNode stored = sealed(seal, event);
        ObjectNode reordered = EventJson.mapper().createObjectNode();
        stored.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("caseId")) {
                reordered.set(f.getKey(), f.getValue());
            }
        });
        reordered.put("caseId", "c-2");

        assertThat(seal.open(EventJson.mapper().writeValueAsBytes(reordered), ChildRegistered.class)).isEqualTo(event);
    }

    @Test
    void a_corrected_value_is_sealed_when_the_field_it_corrects_is_personal() {
        PersonalDataSeal seal = TestKeys.seal(dataSource);

        ObjectNode name = sealed(seal, new RecordCorrected("c-1", "e-1", "ChildRegistered", "child.name", "王晓明", "笔误"));
        ObjectNode sex = sealed(seal, new RecordCorrected("c-1", "e-1", "ChildRegistered", "child.sex", "F", "笔误"));

        assertThat(name.get("value").isObject()).isTrue();
        assertThat(sex.get("value").asText()).isEqualTo("F");
        assertThat(sex.get("reason").isObject()).as("a reason is always free text").isTrue();
    }

    @Test
    void a_sealed_value_opens_only_for_its_own_case() {
        PersonalDataSeal seal = TestKeys.seal(dataSource);
        ObjectNode one = sealed(seal, registeredAs("case-a"));
        ObjectNode other = sealed(seal, registeredAs("case-b"));
        ((ObjectNode) other.get("child")).set("name", one.at("/child/name"));

        assertThatThrownBy(() -> seal.open(other.deepCopy(), "case-b")).hasMessageContaining("does not open with its key");
        assertThatThrownBy(() -> seal.open(EventJson.mapper().writeValueAsBytes(other), ChildRegistered.class))
                .hasMessageContaining("does not open with its key");
    }

    @Test
    void a_sealed_reason_names_its_case_and_opens_without_its_event() {
        PersonalDataSeal seal = TestKeys.seal(dataSource);
        sealed(seal, registeredAs("case-a"));

        Object reason = seal.sealValue("祖母说孩子不在", "case-a");

        assertThat(reason.toString()).doesNotContain("祖母");
        assertThat(seal.openValue(reason)).isEqualTo("祖母说孩子不在");
        assertThat(seal.open(EventJson.mapper().valueToTree(reason), null).asText()).isEqualTo("祖母说孩子不在");
    }

    @Test
    void once_the_key_is_destroyed_every_sealed_field_reads_as_null_and_nothing_more_is_sealed() {
        PersonalDataSeal seal = TestKeys.seal(dataSource);
        ChildRegistered event = CaseExamples.childRegistered();
        ObjectNode stored = sealed(seal, event);
        CaseKeys keys = keys(TestKeys.KEY_ENCRYPTION_KEY);

        keys.destroy(event.caseId());

        JsonNode opened = TestKeys.seal(dataSource).open(stored.deepCopy(), event.caseId());
        assertThat(opened.at("/child/name").isNull()).isTrue();
        assertThat(TestKeys.seal(dataSource).open(stored.toString().getBytes(StandardCharsets.UTF_8),
                ChildRegistered.class).child().name()).isNull();
        assertThat(opened.at("/report/description").isNull()).isTrue();
        assertThat(opened.at("/child/villageCode").asText()).isEqualTo(event.child().villageCode());
        assertThat(keys.destroyed(event.caseId())).isTrue();
        assertThatThrownBy(() -> TestKeys.seal(dataSource).seal(event)).isInstanceOf(CaseErased.class);
        assertThat(jdbc.queryForObject("SELECT wrapped_key IS NULL AND kek_id IS NULL FROM case_key", Boolean.class))
                .isTrue();
    }

    @Test
    void a_batchs_keys_are_read_ahead_in_one_query_destroyed_ones_as_destroyed() {
        PersonalDataSeal seal = TestKeys.seal(dataSource);
        ObjectNode a = sealed(seal, registeredAs("case-a"));
        sealed(seal, registeredAs("case-b"));
        keys(TestKeys.KEY_ENCRYPTION_KEY).destroy("case-b");
        AtomicInteger queries = new AtomicInteger();
        JdbcTemplate counting = new JdbcTemplate(dataSource) {
            @Override
            public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
                queries.incrementAndGet();
                return super.query(sql, rowMapper, args);
            }

            @Override
            public void query(String sql, RowCallbackHandler handler, Object... args) {
                queries.incrementAndGet();
                super.query(sql, handler, args);
            }
        };
        CaseKeys reading = new CaseKeys(counting, new KeyEncryptionKeys(new MockEnvironment()
                .withProperty(KeyEncryptionKeys.TEXT, TestKeys.KEY_ENCRYPTION_KEY)));

        reading.readAhead(List.of("case-a", "case-b"));
        reading.readAhead(List.of("case-a", "case-b"));

        assertThat(queries).hasValue(1);
        assertThat(reading.forOpening("case-b")).isEmpty();
        assertThat(new PersonalDataSeal(reading).open(a.deepCopy(), "case-a").at("/child/name").asText())
                .isEqualTo(CaseExamples.child().name());
        assertThat(queries).as("both keys came from the one query").hasValue(1);
    }

    @Test
    void a_case_erased_before_it_ever_had_a_key_gets_a_destroyed_one_so_none_is_made_later() {
        CaseKeys keys = keys(TestKeys.KEY_ENCRYPTION_KEY);

        keys.destroy("case-from-before-keys");
        keys.destroy("case-from-before-keys");

        assertThat(keys.destroyed("case-from-before-keys")).isTrue();
        assertThatThrownBy(() -> TestKeys.seal(dataSource).seal(registeredAs("case-from-before-keys")))
                .isInstanceOf(CaseErased.class);
    }

    @Test
    void a_rotation_re_wraps_every_data_key_under_the_new_key_encryption_key_and_no_event_changes(@TempDir Path dir)
            throws IOException {
        PersonalDataSeal before = TestKeys.seal(dataSource);
        ObjectNode stored = sealed(before, registeredAs("case-a"));
        sealed(before, registeredAs("case-b"));
        Path old = dir.resolve("old-kek");
        Files.writeString(old, TestKeys.KEY_ENCRYPTION_KEY + "\n");
        CaseKeys rotating = new CaseKeys(jdbc, new KeyEncryptionKeys(new MockEnvironment()
                .withProperty(KeyEncryptionKeys.TEXT, OTHER_KEK)
                .withProperty(KeyEncryptionKeys.RETIRED + "[0]", old.toString())));

        assertThat(rotating.rewrap(1)).isEqualTo(1);
        assertThat(rotating.rewrap(10)).isEqualTo(1);
        assertThat(rotating.rewrap(10)).isZero();

        assertThat(jdbc.queryForList("SELECT DISTINCT kek_id FROM case_key", String.class)).hasSize(1);
        JsonNode opened = new PersonalDataSeal(keys(OTHER_KEK)).open(stored.deepCopy(), "case-a");
        assertThat(opened.at("/child/name").asText()).isEqualTo(CaseExamples.child().name());
    }

    @Test
    void a_reader_that_keeps_no_personal_field_reads_the_rest_without_any_key() {
        ChildRegistered event = registeredAs("case-a");
        byte[] stored = TestKeys.seal(dataSource).seal(event);

        ChildRegistered read = new PersonalDataSeal(keys(OTHER_KEK)).openWithoutPersonalData(stored,
                ChildRegistered.class);

        assertThat(read.child().name()).isNull();
        assertThat(read.report().description()).isNull();
        assertThat(read.child().villageCode()).isEqualTo(event.child().villageCode());
        assertThat(read.reportedAt()).isEqualTo(event.reportedAt());
    }

    @Test
    void a_data_key_whose_key_encryption_key_is_not_configured_is_an_error_not_an_erasure() {
        ObjectNode stored = sealed(TestKeys.seal(dataSource), registeredAs("case-a"));

        assertThatThrownBy(() -> new PersonalDataSeal(keys(OTHER_KEK)).open(stored, "case-a"))
                .hasMessageContaining("which is not configured");
    }

    @Test
    void the_start_is_refused_without_a_usable_key_encryption_key(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("none");
        Path open = dir.resolve("open");
        Files.writeString(open, TestKeys.KEY_ENCRYPTION_KEY);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(new KeyEncryptionKeys(new MockEnvironment().withProperty(KeyEncryptionKeys.FILE,
                missing.toString())).problems()).singleElement().asString().contains("No key-encryption key");
        assertThat(new KeyEncryptionKeys(new MockEnvironment().withProperty(KeyEncryptionKeys.FILE,
                open.toString())).problems()).singleElement().asString().contains("others can read it");
        assertThat(new KeyEncryptionKeys(new MockEnvironment().withProperty(KeyEncryptionKeys.TEXT, "c2hvcnQ="))
                .problems()).singleElement().asString().contains("holds 5 bytes");
        assertThat(new KeyEncryptionKeys(new MockEnvironment().withProperty(KeyEncryptionKeys.FILE,
                missing.toString()).withProperty(KeyEncryptionKeys.GENERATE, "true")).problems()).isEmpty();
    }

    /** The message as the log stores it, as a tree to look into. */
    private static ObjectNode sealed(PersonalDataSeal seal, Object message) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(seal.seal(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChildRegistered registeredAs(String caseId) {
        ChildRegistered e = CaseExamples.childRegistered();
        return new ChildRegistered(caseId, e.child(), e.father(), e.mother(), e.caregiver(), e.report(), e.reportedAt(),
                e.caseworker());
    }

    private CaseKeys keys(String kek) {
        return new CaseKeys(jdbc, new KeyEncryptionKeys(new MockEnvironment()
                .withProperty(KeyEncryptionKeys.TEXT, kek)));
    }
}
