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
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

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

        ObjectNode stored = sealed(seal, event, event.caseId());

        String text = stored.toString();
        assertThat(text).doesNotContain(event.child().name(), event.child().idNumber(), event.child().school(),
                event.child().dateOfBirth().toString(), event.father().workLocation(), event.report().description());
        assertThat(stored.at("/child/name/sealed").isTextual()).isTrue();
        assertThat(stored.at("/child/name/case").asText()).isEqualTo(event.caseId());
        assertThat(stored.at("/child/villageCode").asText()).isEqualTo(event.child().villageCode());
        assertThat(stored.at("/child/sex").asText()).isEqualTo(event.child().sex().name());
        assertThat(stored.at("/reportedAt").asText()).isEqualTo(event.reportedAt().toString());
        assertThat(stored.at("/caseworker").asText()).isEqualTo(event.caseworker());
        assertThat(seal.open(stored.deepCopy())).isEqualTo(EventJson.mapper().valueToTree(event));
    }

    @Test
    void a_corrected_value_is_sealed_when_the_field_it_corrects_is_personal() {
        PersonalDataSeal seal = TestKeys.seal(dataSource);

        ObjectNode name = sealed(seal, new RecordCorrected("c-1", "e-1", "ChildRegistered", "child.name", "王晓明", "笔误"),
                "c-1");
        ObjectNode sex = sealed(seal, new RecordCorrected("c-1", "e-1", "ChildRegistered", "child.sex", "F", "笔误"),
                "c-1");

        assertThat(name.get("value").isObject()).isTrue();
        assertThat(sex.get("value").asText()).isEqualTo("F");
        assertThat(sex.get("reason").isObject()).as("a reason is always free text").isTrue();
    }

    @Test
    void a_sealed_value_opens_only_for_its_own_case() {
        PersonalDataSeal seal = TestKeys.seal(dataSource);
        ObjectNode one = sealed(seal, CaseExamples.childRegistered(), "case-a");
        sealed(seal, CaseExamples.childRegistered(), "case-b");
        JsonNode moved = one.at("/child/name").deepCopy();
        ((ObjectNode) moved).put("case", "case-b");

        assertThatThrownBy(() -> seal.open(moved)).hasMessageContaining("does not open with its key");
    }

    @Test
    void once_the_key_is_destroyed_every_sealed_field_reads_as_null_and_nothing_more_is_sealed() {
        PersonalDataSeal seal = TestKeys.seal(dataSource);
        ChildRegistered event = CaseExamples.childRegistered();
        ObjectNode stored = sealed(seal, event, event.caseId());
        CaseKeys keys = keys(TestKeys.KEY_ENCRYPTION_KEY);

        keys.destroy(event.caseId());

        JsonNode opened = TestKeys.seal(dataSource).open(stored.deepCopy());
        assertThat(opened.at("/child/name").isNull()).isTrue();
        assertThat(opened.at("/report/description").isNull()).isTrue();
        assertThat(opened.at("/child/villageCode").asText()).isEqualTo(event.child().villageCode());
        assertThat(keys.destroyed(event.caseId())).isTrue();
        assertThatThrownBy(() -> TestKeys.seal(dataSource).seal(event, event.caseId())).isInstanceOf(CaseErased.class);
        assertThat(jdbc.queryForObject("SELECT wrapped_key IS NULL AND kek_id IS NULL FROM case_key", Boolean.class))
                .isTrue();
    }

    @Test
    void a_case_erased_before_it_ever_had_a_key_gets_a_destroyed_one_so_none_is_made_later() {
        CaseKeys keys = keys(TestKeys.KEY_ENCRYPTION_KEY);

        keys.destroy("case-from-before-keys");
        keys.destroy("case-from-before-keys");

        assertThat(keys.destroyed("case-from-before-keys")).isTrue();
        assertThatThrownBy(() -> TestKeys.seal(dataSource).seal(CaseExamples.childRegistered(),
                "case-from-before-keys")).isInstanceOf(CaseErased.class);
    }

    @Test
    void a_rotation_re_wraps_every_data_key_under_the_new_key_encryption_key_and_no_event_changes(@TempDir Path dir)
            throws IOException {
        PersonalDataSeal before = TestKeys.seal(dataSource);
        ObjectNode stored = sealed(before, CaseExamples.childRegistered(), "case-a");
        sealed(before, CaseExamples.childRegistered(), "case-b");
        Path old = dir.resolve("old-kek");
        Files.writeString(old, TestKeys.KEY_ENCRYPTION_KEY + "\n");
        CaseKeys rotating = new CaseKeys(jdbc, new KeyEncryptionKeys(new MockEnvironment()
                .withProperty(KeyEncryptionKeys.TEXT, OTHER_KEK)
                .withProperty(KeyEncryptionKeys.RETIRED + "[0]", old.toString())));

        assertThat(rotating.rewrap(1)).isEqualTo(1);
        assertThat(rotating.rewrap(10)).isEqualTo(1);
        assertThat(rotating.rewrap(10)).isZero();

        assertThat(jdbc.queryForList("SELECT DISTINCT kek_id FROM case_key", String.class)).hasSize(1);
        JsonNode opened = new PersonalDataSeal(keys(OTHER_KEK)).open(stored.deepCopy());
        assertThat(opened.at("/child/name").asText()).isEqualTo(CaseExamples.child().name());
    }

    @Test
    void a_data_key_whose_key_encryption_key_is_not_configured_is_an_error_not_an_erasure() {
        ObjectNode stored = sealed(TestKeys.seal(dataSource), CaseExamples.childRegistered(), "case-a");

        assertThatThrownBy(() -> new PersonalDataSeal(keys(OTHER_KEK)).open(stored))
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
    private static ObjectNode sealed(PersonalDataSeal seal, Object message, String caseId) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(seal.seal(message, caseId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CaseKeys keys(String kek) {
        return new CaseKeys(jdbc, new KeyEncryptionKeys(new MockEnvironment()
                .withProperty(KeyEncryptionKeys.TEXT, kek)));
    }
}
