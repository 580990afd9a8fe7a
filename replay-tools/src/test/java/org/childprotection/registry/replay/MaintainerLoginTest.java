package org.childprotection.registry.replay;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.integrity.TreeHeads;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.DatabaseLogin;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.RandomStories;
import org.childprotection.testapp.QuerySideTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles as a site has them (docs/database-roles.md): the owner runs {@code migrate}; the query side with its
 * processors runs as a login in registry_app; every maintainer's command runs as a login in registry_maintainer, and a
 * rebuild's switched-in tables stay writable by the API.
 */
class MaintainerLoginTest {

    static DatabaseLogin owner;
    static DatabaseLogin app;
    static DatabaseLogin maintainer;
    static ConfigurableApplicationContext registry;
    static Path publicKey;

    @BeforeAll
    static void siteMigratedByItsOwner() throws Exception {
        owner = DatabaseLogin.owningNewDatabase();
        Run migrate = Run.of(owner.springArguments(owner.url()), "migrate");
        ReplayTools.closeContext();
        assertThat(migrate.code()).as(migrate.out() + migrate.err()).isZero();
        assertThat(migrate.out()).contains("schema at version");

        app = DatabaseLogin.in("registry_app");
        maintainer = DatabaseLogin.in("registry_maintainer");
        Path key = Files.createTempDirectory("maintainer-test").resolve("key.pem");
        registry = new SpringApplicationBuilder(QuerySideTestApplication.class).web(WebApplicationType.NONE)
                .run(Stream.concat(Stream.of(app.springArguments(owner.url())), Stream.of(
                        "--registry.integrity.signing-key-file=" + key, "--registry.integrity.generate-key=true"))
                        .toArray(String[]::new));
        RandomStories stories = new RandomStories(new CaseEvents(registry.getBean(EventStore.class)), 5);
        for (int i = 0; i < 6; i++) {
            stories.live("kept-" + i, "150101001001", Instant.parse("2026-07-01T00:00:00Z").plusSeconds(3600L * i));
        }
        ProjectionsAwait.caughtUp(registry.getBean(Reconciliation.class));
        registry.getBean(TreeHeads.class).signLatest();
        publicKey = Path.of(key + ".pub");
        assertThat(Ed25519Keys.publicKey(Files.readString(publicKey))).isNotNull();
    }

    @AfterAll
    static void drop() {
        ReplayTools.closeContext();
        if (registry != null) {
            registry.close();
        }
        Stream.of(maintainer, app, owner).filter(java.util.Objects::nonNull).forEach(DatabaseLogin::close);
    }

    @Test
    void every_maintainers_command_works_as_a_maintainer_login_and_the_api_login_writes_the_rebuilt_tables() {
        Run status = maintainer("status");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("log head: global index", "case-files: applied", "case-history: applied");

        for (String projection : new String[]{"case-files", "case-history"}) {
            Run rebuild = maintainer("rebuild", projection);
            assertThat(rebuild.code()).as(rebuild.err()).isZero();
            assertThat(rebuild.err()).contains("Rebuilt " + projection);
        }
        JdbcTemplate asOwner = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                owner.url(), owner.name(), owner.password()));
        assertThat(asOwner.queryForList("SELECT tableowner FROM pg_tables WHERE tablename IN ('case_file', 'case_event')",
                String.class)).containsOnly("registry_maintainer");

        Run verify = maintainer("verify", "--public-key", publicKey.toString());
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("verified:");
        Run export = maintainer("export", "--case", "kept-0", "--with-proofs");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("\"caseId\":\"kept-0\"", "auditPath");

        // the API's login goes on writing the tables the maintainer switched in
        new RandomStories(new CaseEvents(registry.getBean(EventStore.class)), 6)
                .live("after-rebuild", "150101001002", Instant.parse("2026-08-01T00:00:00Z"));
        ProjectionsAwait.caughtUp(registry.getBean(Reconciliation.class));
        assertThat(asOwner.queryForObject("SELECT count(*) FROM case_file WHERE case_id = 'after-rebuild'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void a_maintainer_login_on_an_unmigrated_schema_is_told_to_have_the_owner_migrate_and_changes_nothing() throws Exception {
        try (DatabaseLogin unmigrated = DatabaseLogin.owningNewDatabase()) {
            Run status;
            try {
                status = Run.of(maintainer.springArguments(unmigrated.url()), "status");
            } finally {
                ReplayTools.closeContext();
            }
            assertThat(status.code()).isNotZero();
            assertThat(status.out() + status.err()).contains("The database schema is missing",
                    "java -jar replay-tools/target/replay-tools.jar migrate");
            try (var connection = unmigrated.connect(unmigrated.url())) {
                assertThat(connection.getMetaData().getTables(null, null, "%", new String[]{"TABLE"}).next()).isFalse();
            }
        }
    }

    @Test
    void migrate_again_on_a_current_schema_changes_nothing_and_succeeds() {
        Run again;
        try {
            again = Run.of(owner.springArguments(owner.url()), "migrate");
        } finally {
            ReplayTools.closeContext();
        }
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("schema at version");
    }

    /** A maintainer's run, which reads the registry's public key beside the key file the registry signs with. */
    private static Run maintainer(String... command) {
        try {
            return Run.of(Stream.concat(Stream.of(maintainer.springArguments(owner.url())), Stream.of(
                    "--registry.integrity.signing-key-file=" + publicKey.toString().replaceAll("\\.pub$", "")))
                    .toArray(String[]::new), command);
        } finally {
            ReplayTools.closeContext();
        }
    }
}
