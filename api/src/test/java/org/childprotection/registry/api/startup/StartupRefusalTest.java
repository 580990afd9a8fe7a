package org.childprotection.registry.api.startup;

import org.childprotection.registry.api.RegistryApplication;
import org.childprotection.registry.testsupport.DatabaseLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each configuration the registry refuses, started for real: the start fails with one line naming each problem,
 * printed as the failed start's description, and nothing is written (no row, no key file, no database, no schema).
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupRefusalTest {

    static ProductionSite site;

    @BeforeAll
    static void site() throws Exception {
        site = new ProductionSite();
    }

    @AfterAll
    static void drop() throws Exception {
        // nothing any refused start did is in the site's database
        try (Connection connection = site.owner.connect(site.owner.url())) {
            for (String table : List.of("token_entry", "domain_event_entry", "tree_head", "access_log")) {
                var rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table);
                rows.next();
                assertThat(rows.getLong(1)).as(table).isZero();
            }
        }
        site.close();
    }

    @Test
    void no_users_and_no_identity_provider(CapturedOutput output) {
        refused(output, site.arguments().stream().filter(a -> !a.startsWith("--registry.security.users")).toList(),
                "No users and no identity provider are configured");
    }

    @Test
    void a_noop_password(CapturedOutput output) {
        refused(output, site.with("registry.security.users[1].password", "{noop}" + UUID.randomUUID()),
                "registry.security.users[1] (chen.oversight): a {noop} password is kept in clear text");
    }

    @Test
    void a_public_demo_password_however_it_is_hashed(CapturedOutput output) {
        refused(output, site.with("registry.security.users[0].password", "{bcrypt}" + new BCryptPasswordEncoder(4).encode("demo-li")),
                "registry.security.users[0] (li.caseworker): the password is one of the public demo passwords");
    }

    @Test
    void the_superuser_login(CapturedOutput output) {
        List<String> arguments = new ArrayList<>(site.with("spring.datasource.username", "postgres"));
        arguments.add("--spring.datasource.password=");
        refused(output, arguments, "The database login postgres is a superuser");
    }

    @Test
    void the_schema_owners_login(CapturedOutput output) {
        List<String> arguments = new ArrayList<>(site.with("spring.datasource.username", site.owner.name()));
        arguments.add("--spring.datasource.password=" + site.owner.password());
        refused(output, arguments, "The database login " + site.owner.name() + " owns the event-log tables [access_log, "
                + "access_merkle_leaf, access_merkle_node, access_tree_head, cosignature, domain_event_entry,");
    }

    @Test
    void a_missing_signing_key_is_not_made_unless_asked_for(CapturedOutput output) throws Exception {
        Path absent = Files.createTempDirectory("no-key").resolve("tree-head-signing-key.pem");
        refused(output, site.with("registry.integrity.signing-key-file", absent.toString()),
                "No tree-head signing key at " + absent + ": install the registry's Ed25519 key");
        assertThat(absent.getParent()).isEmptyDirectory();
    }

    @Test
    void a_witness_without_a_readable_key(CapturedOutput output) throws Exception {
        Path absent = Files.createTempDirectory("no-witness-key").resolve("witness.pem.pub");
        List<String> arguments = new ArrayList<>(site.with("registry.integrity.witnesses[0].name", "audit-office"));
        arguments.add("--registry.integrity.witnesses[0].public-key-file=" + absent);
        refused(output, arguments, "registry.integrity.witnesses[0]: public-key-file " + absent
                + " is not a readable Ed25519 public key");
    }

    @Test
    void a_signing_key_others_can_read_in_production_and_in_the_demo_too(CapturedOutput output) throws Exception {
        Path readable = Files.createTempDirectory("readable-key").resolve("tree-head-signing-key.pem");
        Files.copy(site.keyFile, readable);
        Files.copy(Path.of(site.keyFile + ".pub"), Path.of(readable + ".pub"));
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
        String line = "The tree-head signing key " + readable + " has mode 0644: others can read it. Make it readable by "
                + "the registry's user alone: chmod 600 " + readable;
        refused(output, site.with("registry.integrity.signing-key-file", readable.toString()), line);
        String database = "registry_test_never_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        refused(output, List.of("--spring.profiles.active=demo", "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "--registry.integrity.signing-key-file=" + readable), line);
        assertThat(databaseExists(database)).isFalse();
    }

    @Test
    void no_key_encryption_key_and_none_generated_outside_the_demo(CapturedOutput output) throws Exception {
        Path absent = Files.createTempDirectory("no-kek").resolve("key-encryption-key");
        refused(output, site.with("registry.privacy.key-encryption-key-file", absent.toString()),
                "No key-encryption key: set registry.privacy.key-encryption-key");
        List<String> generating = new ArrayList<>(site.with("registry.privacy.key-encryption-key-file",
                absent.toString()));
        generating.add("--registry.privacy.generate-key=true");
        refused(output, generating, "registry.privacy.generate-key=true outside the demo profile");
        assertThat(absent.getParent()).isEmptyDirectory();
    }

    @Test
    void a_key_encryption_key_others_can_read_or_of_the_wrong_size(CapturedOutput output) throws Exception {
        Path readable = Files.createTempDirectory("readable-kek").resolve("key-encryption-key");
        Files.copy(site.keyEncryptionKeyFile, readable);
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
        refused(output, site.with("registry.privacy.key-encryption-key-file", readable.toString()),
                "The key-encryption key " + readable + " has mode 0644: others can read it.");
        refused(output, site.with("registry.privacy.key-encryption-key", "c2hvcnQ="),
                "registry.privacy.key-encryption-key holds 5 bytes; a key-encryption key is 32 random bytes");
    }

    @Test
    void a_retention_rule_that_cannot_be_read_and_a_user_named_like_the_registry(CapturedOutput output) {
        List<String> arguments = new ArrayList<>(site.with("registry.privacy.retention", "P5Y,five years"));
        arguments.add("--registry.security.users[3].username=system");
        arguments.add("--registry.security.users[3].password={bcrypt}" + new BCryptPasswordEncoder(4).encode("x1"));
        arguments.add("--registry.security.users[3].role=SUPERVISOR");
        arguments.add("--registry.security.users[3].jurisdictions[0]=110101");
        refused(output, arguments, "registry.privacy.retention: 'five years' is not a rule",
                "registry.security.users[3] (system): 'system' is the registry's own name");
    }

    @Test
    void plain_http(CapturedOutput output) {
        refused(output, site.with("registry.security.behind-tls-proxy", "false"), "Plain HTTP: configure TLS");
    }

    @Test
    void a_schema_the_owner_has_not_migrated(CapturedOutput output) throws Exception {
        try (DatabaseLogin unmigrated = DatabaseLogin.owningNewDatabase()) {
            refused(output, site.with("spring.datasource.url", unmigrated.url()), "The database schema is missing and this release needs version",
                    "have the schema's owner run `java -jar replay-tools/target/replay-tools.jar migrate`");
            try (Connection connection = unmigrated.connect(unmigrated.url())) {
                assertThat(connection.getMetaData().getTables(null, null, "%", new String[]{"TABLE"}).next()).isFalse();
            }
        }
    }

    @Test
    void every_problem_at_once_each_on_its_line(CapturedOutput output) throws Exception {
        Path absent = Files.createTempDirectory("no-key").resolve("key.pem");
        StartupRefused refusal = refused(output, List.of(site.app.springArguments(site.owner.url())[0],
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--registry.integrity.signing-key-file=" + absent,
                        "--registry.privacy.key-encryption-key-file=" + absent.resolveSibling("kek"), "--server.port=0"),
                "No users and no identity provider", "No tree-head signing key", "No key-encryption key", "Plain HTTP",
                "is a superuser");
        assertThat(refusal.problems()).hasSize(5);
    }

    @Test
    void user_configuration_errors_are_refused_in_the_demo_too_before_the_database_is_made(CapturedOutput output)
            throws Exception {
        String database = "registry_test_never_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        refused(output, List.of("--spring.profiles.active=demo", "--server.port=0",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                        "--registry.security.users[0].username=a", "--registry.security.users[0].password={noop}x",
                        "--registry.security.users[0].role=CASEWORKR",
                        "--registry.security.users[1].username=b", "--registry.security.users[1].password={noop}x",
                        "--registry.security.users[1].role=SUPERVISOR", "--registry.security.users[1].jurisdictions[0]=",
                        "--registry.security.users[2].username=c", "--registry.security.users[2].password={noop}x",
                        "--registry.security.users[2].role=CASEWORKER", "--registry.security.users[2].jurisdictions[0]=11010a",
                        "--registry.security.users[2].jurisdictions[1]=1101010010011",
                        "--registry.security.users[3].username=a", "--registry.security.users[3].password=plain",
                        "--registry.security.users[3].role=OVERSIGHT", "--registry.security.users[3].jurisdictions[0]="),
                "registry.security.users[0] (a): unknown role 'CASEWORKR'",
                "registry.security.users[1] (b): the nationwide jurisdiction \"\" is only for OVERSIGHT, not SUPERVISOR",
                "registry.security.users[2] (c): jurisdiction '11010a' is not a village-code prefix (0 to 12 digits)",
                "registry.security.users[2] (c): jurisdiction '1101010010011' is not a village-code prefix",
                "registry.security.users[3] (a): the username is configured twice",
                "registry.security.users[3] (a): the password is not in Spring Security's {id}hash form");
        assertThat(databaseExists(database)).isFalse();
    }

    @Test
    void the_application_as_a_process_exits_non_zero_with_its_lines_and_creates_no_database() throws Exception {
        String database = "registry_test_never_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path absent = Files.createTempDirectory("no-key").resolve("key.pem");
        Process process = new ProcessBuilder(Stream.concat(Stream.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), RegistryApplication.class.getName()),
                Stream.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                        "--registry.database.create-if-missing=true", "--spring.datasource.username=postgres",
                        "--registry.integrity.signing-key-file=" + absent, "--server.port=0")).toList())
                .redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(printed).isNotZero();
        assertThat(printed).contains("The registry refuses to start",
                "\nNo users and no identity provider are configured",
                "\nNo tree-head signing key at " + absent,
                "\nPlain HTTP: configure TLS",
                "\nCannot connect to the database jdbc:postgresql://127.0.0.1:5432/" + database + " as postgres");
        assertThat(databaseExists(database)).isFalse();
        assertThat(absent.getParent()).isEmptyDirectory();
    }

    private static StartupRefused refused(CapturedOutput output, List<String> arguments, String... lines) {
        List<StartupRefused> refusal = new ArrayList<>();
        assertThatThrownBy(() -> new SpringApplicationBuilder(RegistryApplication.class)
                .run(arguments.toArray(String[]::new)))
                .isInstanceOfSatisfying(StartupRefused.class, refusal::add);
        for (String line : lines) {
            assertThat(refusal.get(0).problems()).anySatisfy(problem -> assertThat(problem).contains(line));
        }
        // each printed as a line of its own
        refusal.get(0).problems().forEach(problem -> assertThat(output.getAll()).contains("\n" + problem + "\n"));
        return refusal.get(0);
    }

    private static boolean databaseExists(String name) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
            statement.setString(1, name);
            return statement.executeQuery().next();
        }
    }
}
