package org.childprotection.registry.benchmark;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.childprotection.benchmarkapp.CommandSide;
import org.childprotection.benchmarkapp.LogOnly;
import org.childprotection.benchmarkfloor.FloorApplication;
import org.childprotection.registry.assessment.RecordRiskAssessment;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.eventlog.MissingDatabaseCreator;
import org.childprotection.registry.eventlog.SettledPosition;
import org.childprotection.registry.projection.Projection;
import org.childprotection.registry.projection.ProjectionCatalog;
import org.childprotection.registry.projection.ProjectionRebuild;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.referral.ReferToService;
import org.childprotection.registry.referral.Service;
import org.childprotection.registry.registration.Child;
import org.childprotection.registry.registration.Hukou;
import org.childprotection.registry.registration.Parent;
import org.childprotection.registry.registration.ParentStatus;
import org.childprotection.registry.registration.RegisterChild;
import org.childprotection.registry.registration.Report;
import org.childprotection.registry.registration.ReportSource;
import org.childprotection.registry.registration.Sex;
import org.childprotection.registry.visit.RecordHomeVisit;
import org.childprotection.registry.visit.VisitorRole;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.childprotection.registry.privacy.CaseKeys;
import org.childprotection.registry.privacy.KeyEncryptionKeys;
import org.childprotection.registry.privacy.PersonalDataSeal;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The targets in one run on a fresh database of the local PostgreSQL: raw PostgreSQL first (pgbench inserts of
 * event-shaped rows, an ordered scan), then the registry (commands through the gateway and through HTTP, a
 * rebuild of every projection from the filled log, history and caseload latency through HTTP), each figure
 * printed with its ratio to its raw counterpart and its target. See BENCHMARKS.md.
 *
 * <p>Beside raw PostgreSQL stands the floor ({@link org.childprotection.benchmarkfloor.FloorApplication}): a minimal
 * Spring Boot application doing one INSERT per request, what "HTTP + JSON + one transaction" costs before any event
 * sourcing; the commands through HTTP are also given as a share of it.
 *
 * <p>The API process runs as a site runs it, not in the demo profile: as a login in {@code registry_app}, with a
 * {@code {bcrypt}} user, who signs in once to a session (its cookie and CSRF token on every request). A second
 * HTTP phase runs it with a {@code {noop}} user sending HTTP Basic on every request (in the demo profile, the only
 * one that takes {@code {noop}}), the figure the production sign-in is held against.
 *
 * <p>Usage: {@code java -jar benchmark/target/registry-benchmark.jar [quick|full]} from the project root (the API
 * jar must be built: api/target/registry-api.jar; the floor runs from this jar, benchmark/target/registry-benchmark.jar).
 */
public final class RegistryBenchmark {

    static final int CLIENTS = 16;
    static final String SERVER = System.getProperty("registry.benchmark.db-server", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("registry.benchmark.db-user", "postgres");

    /** {@code warmUp}: seconds of load before the measured {@code seconds}, for the JIT of a process just started. */
    record Size(String name, long events, long cases, int seconds, int warmUp) {
    }

    public static void main(String[] args) throws Exception {
        Size size = args.length > 0 && args[0].equals("full")
                ? new Size("full", 1_000_000, 100_000, 20, 30)
                : new Size("quick", 100_000, 10_000, 8, 10);
        String database = "registry_bench_" + System.currentTimeMillis();
        MissingDatabaseCreator.createIfMissing(SERVER + "postgres", database, USER, "");
        String url = SERVER + database;
        System.out.printf("Benchmark (%s) on database %s, %d clients, %d cores%n", size.name, database, CLIENTS,
                Runtime.getRuntime().availableProcessors());
        Figures figures = new Figures();
        int status = 0;
        try {
            new RegistryBenchmark(url, size, figures).run();
        } catch (Exception | Error e) {
            // the clients' and Axon's threads would otherwise keep a failed run alive
            e.printStackTrace();
            status = 1;
        } finally {
            figures.print();
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                c.createStatement().execute("DROP ROLE IF EXISTS " + Api.login(database));
            }
        }
        System.exit(status);
    }

    private final String url;
    private final Size size;
    private final Figures figures;
    private final String[] springArgs;
    /** This run's own key-encryption key, for every process of the run (docs/erasure.md). */
    private final String keyEncryptionKey = Base64.getEncoder().encodeToString(
            new SecureRandom().generateSeed(32));

    private RegistryBenchmark(String url, Size size, Figures figures) {
        this.url = url;
        this.size = size;
        this.figures = figures;
        this.springArgs = new String[]{"--spring.profiles.active=demo", "--spring.datasource.url=" + url, "--spring.datasource.username=" + USER,
                "--spring.datasource.password=", "--registry.database.create-if-missing=false",
                "--registry.database.migrate=true",
                "--spring.datasource.hikari.maximum-pool-size=24", "--logging.level.root=WARN",
                "--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true",
                "--logging.level.org.springframework.core.annotation=ERROR", "--spring.main.banner-mode=off",
                "--registry.integrity.signing-key-file=" + System.getProperty("java.io.tmpdir") + "/bench-key-"
                        + UUID.randomUUID() + ".pem", "--" + KeyEncryptionKeys.TEXT + "=" + keyEncryptionKey};
    }

    private void run() throws Exception {
        if (Boolean.getBoolean("registry.benchmark.replay-only")) {
            new SpringApplicationBuilder(LogOnly.class).web(WebApplicationType.NONE).run(springArgs).close();
            long filled = fill();
            figures.info("log filled to", filled + " events");
            rebuildEveryProjection(orderedScan());
            return;
        }
        double rawInserts = pgbench();
        figures.info("raw PostgreSQL: single-row insert transactions", String.format("%.0f tx/s", rawInserts));

        double floor = floor();
        figures.baseline("floor: minimal Spring Boot app, one INSERT per request", floor, "requests/s", rawInserts,
                "raw inserts");

        double gateway = commandsThroughGateway(false);
        figures.rate("commands through the gateway, 16 clients", gateway, "commands/s", rawInserts, "raw inserts", 0.25);

        ReadYourWrites kept = new ReadYourWrites();
        double http = commandsThroughHttp(Api.SignIn.BCRYPT_SESSION, kept);
        figures.check("  HTTP: read-your-writes", kept.checked() + " checked, " + kept.stale() + " stale", "0 stale",
                kept.stale() == 0);
        figures.rate("commands through HTTP, 16 clients", http, "commands/s", rawInserts, "raw inserts", 0.3);
        figures.rate("commands through HTTP, as a share of the floor", http, "commands/s", floor, "the floor", 0.5,
                "none stale", kept.stale() == 0);
        ReadYourWrites keptBasic = new ReadYourWrites();
        double basic = commandsThroughHttp(Api.SignIn.NOOP_BASIC, keptBasic);
        figures.check("  HTTP, {noop} Basic: read-your-writes", keptBasic.checked() + " checked, " + keptBasic.stale()
                + " stale", "0 stale", keptBasic.stale() == 0);
        figures.baseline("commands through HTTP, {noop} user, HTTP Basic", basic, "commands/s", rawInserts,
                "raw inserts");
        figures.rate("HTTP, {bcrypt} session as a share of {noop}", http, "commands/s", basic, "{noop} Basic", 0.8);
        // last, so that no later phase has to project what this one appended
        double append = commandsThroughGateway(true);
        figures.rate("gateway, the Merkle log's processor stopped", append, "commands/s", rawInserts, "raw inserts", 0.25);
        if (Boolean.getBoolean("registry.benchmark.commands-only")) {
            return;
        }

        long filled = fill();
        double scan = orderedScan();
        figures.info("log filled to", filled + " events");
        figures.info("raw PostgreSQL: ordered full scan of the log", String.format("%.0f events/s", scan));
        rebuildEveryProjection(scan);

        latencies();
    }

    // ---- raw PostgreSQL ---------------------------------------------------------------------------------------

    private double pgbench() throws Exception {
        JdbcTemplate jdbc = jdbc();
        eventTable(jdbc, "raw", "bench_raw_event");
        Path script = Files.createTempFile("insert-event", ".sql");
        try (InputStream in = RegistryBenchmark.class.getResourceAsStream("/insert-event.sql")) {
            Files.write(script, in.readAllBytes());
        }
        String database = url.substring(url.lastIndexOf('/') + 1);
        Process pgbench = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-U", USER, "-n", "-c", String.valueOf(CLIENTS),
                "-j", "2", "-T", String.valueOf(size.seconds), "-f", script.toString(), database)
                .redirectErrorStream(true).start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgbench.waitFor();
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench said: " + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    /** A table shaped like the event table, with its indexes: what pgbench and the floor insert into. */
    private static void eventTable(JdbcTemplate jdbc, String schema, String table) {
        jdbc.execute("CREATE SCHEMA " + schema);
        jdbc.execute("""
                CREATE TABLE %s.%s (
                    global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE,
                    aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255),
                    time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255),
                    payload BYTEA NOT NULL, meta_data BYTEA, UNIQUE (aggregate_identifier, sequence_number))"""
                .formatted(schema, table));
    }

    // ---- the floor --------------------------------------------------------------------------------------------

    /**
     * Requests/s of the floor ({@link org.childprotection.benchmarkfloor.FloorApplication}), its own process from this
     * jar, with the API's pool and driver settings: the API's registration body, one INSERT into floor.bench_floor_event.
     */
    private double floor() throws Exception {
        eventTable(jdbc(), "floor", "bench_floor_event");
        String password = "floor-" + UUID.randomUUID();
        List<String> args = new ArrayList<>(Arrays.stream(springArgs).filter(a -> a.startsWith("--spring.datasource.")
                || a.startsWith("--logging.") || a.startsWith("--spring.main.")).toList());
        args.addAll(List.of("--floor.username=li.caseworker", "--floor.password=" + password));
        try (ServiceProcess floor = ServiceProcess.start("floor", List.of("-cp", "benchmark/target/registry-benchmark.jar",
                        "-Dloader.main=" + FloorApplication.class.getName(),
                        "org.springframework.boot.loader.launch.PropertiesLauncher"), args, "/ready")) {
            floor.useBasic("li.caseworker", password);
            return throughput("floor", () -> () -> floor.post("/api/cases", Api.REGISTRATION));
        }
    }

    private double orderedScan() throws Exception {
        try (Connection connection = DriverManager.getConnection(url, USER, "")) {
            connection.setAutoCommit(false);
            PreparedStatement scan = connection.prepareStatement("SELECT * FROM domain_event_entry ORDER BY tx_id, global_index");
            scan.setFetchSize(5000);
            long start = System.nanoTime();
            long rows = 0;
            long bytes = 0;
            try (ResultSet rs = scan.executeQuery()) {
                while (rs.next()) {
                    bytes += rs.getBytes("payload").length + rs.getString("event_identifier").length();
                    rows++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return bytes > 0 ? rows / seconds : 0;
        }
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    /** One of a phase's clients: each call is one request (or command), timed. */
    private interface Client {
        void next() throws Exception;
    }

    /** A realistic mix per client: registrations, assessments, visits and referrals on its own cases. */
    private abstract static class Mix implements Client {
        private final Random random = new Random();
        private final List<String> cases = new ArrayList<>();

        @Override
        public void next() throws Exception {
            int dice = random.nextInt(100);
            if (cases.isEmpty() || dice < 25) {
                String caseId = UUID.randomUUID().toString();
                String registered = send(caseId, new RegisterChild(caseId, new Child("李小红", Sex.F, LocalDate.of(2017, 4, 12), null,
                        Hukou.RURAL, "110101001001", "红星小学"), new Parent(ParentStatus.MIGRATED, "浙江省义乌市"),
                        new Parent(ParentStatus.MIGRATED, null), null,
                        new Report(ReportSource.VILLAGE_COMMITTEE, List.of(), "父母均外出务工")));
                cases.add(registered);
                return;
            }
            String caseId = cases.get(random.nextInt(cases.size()));
            if (dice < 45) {
                send(caseId, new RecordRiskAssessment(caseId, RiskLevel.values()[random.nextInt(3)],
                        List.of(RiskFactor.NO_PARENTAL_CONTACT), "定期评估"));
            } else if (dice < 85) {
                send(caseId, new RecordHomeVisit(caseId, LocalDate.now(ZoneId.of("Asia/Shanghai")),
                        VisitorRole.CHILDREN_DIRECTOR, true, "孩子在家写作业", List.of()));
            } else {
                send(caseId, new ReferToService(caseId, UUID.randomUUID().toString(), Service.PSYCHOSOCIAL,
                        "乡卫生院", null));
            }
        }

        /** @return the case the command went to (a registration through HTTP gets its id from the server) */
        abstract String send(String caseId, Object command) throws Exception;
    }

    /**
     * @param appendOnly stop this node's event processors first, as on a node that only takes commands while
     *                   others project: what remains is the append path alone
     */
    private double commandsThroughGateway(boolean appendOnly) throws Exception {
        try (ConfigurableApplicationContext registry = new SpringApplicationBuilder(CommandSide.class)
                .web(WebApplicationType.NONE).run(springArgs)) {
            if (appendOnly) {
                registry.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                        .forEach(EventProcessor::shutDown);
            }
            CommandGateway gateway = registry.getBean(CommandGateway.class);
            // the case checks the jurisdiction a command carries: li.caseworker's township, as the API would send it
            MetaData metaData = MetaData.with("actor", "li.caseworker").and("role", "CASEWORKER")
                    .and("jurisdictions", List.of("110101001")).and("requestId", "bench").and("correlationId", "bench");
            double rate = throughput(appendOnly ? "append path" : "gateway", () -> new Mix() {
                @Override
                String send(String caseId, Object command) {
                    gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
                    return caseId;
                }
            });
            if (!appendOnly) {
                // the rate counts only if the projections kept up; and the next phase must not inherit a backlog
                long start = System.nanoTime();
                Reconciliation reconciliation = registry.getBean(Reconciliation.class);
                while (!reconciliation.check().complete()) {
                    if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
                        throw new IllegalStateException("The projections did not catch up within 5 minutes");
                    }
                    Thread.sleep(100);
                }
                figures.info("  gateway: projections caught up after the last command",
                        String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9));
            }
            return rate;
        }
    }

    /** @param kept counts this phase's read-your-writes checks: one command in {@link ReadYourWrites#EVERY} of each client */
    private double commandsThroughHttp(Api.SignIn signIn, ReadYourWrites kept) throws Exception {
        try (Api api = Api.start(url, springArgs, signIn)) {
            return throughput(signIn == Api.SignIn.BCRYPT_SESSION ? "HTTP" : "HTTP, {noop} Basic", () -> new Mix() {
                private long sent;

                @Override
                String send(String caseId, Object command) throws Exception {
                    Api.Answer answer = api.command(caseId, command);
                    // the 1st, 21st, ... so that a slow phase still checks each client's first command
                    if (sent++ % ReadYourWrites.EVERY == 0) {
                        kept.check(api, answer);
                    }
                    return answer.caseId();
                }
            });
        }
    }

    /**
     * Requests/s over the run's duration; the latency of each request answered after the warm-up goes to the figures.
     * The warm-up lasts the size's {@code warmUp} seconds, and longer until every client has had its first answer: a
     * process just started spends its first seconds compiling (its JIT threads took most of a core in a profile of an
     * 8 s phase), and on a loaded machine answers its first requests only after seconds.
     */
    private double throughput(String name, java.util.function.Supplier<Client> newClient) throws Exception {
        AtomicLong done = new AtomicLong();
        java.util.Queue<Double> latencies = new java.util.concurrent.ConcurrentLinkedQueue<>();
        AtomicLong failed = new AtomicLong();
        java.util.concurrent.CountDownLatch firstAnswers = new java.util.concurrent.CountDownLatch(CLIENTS);
        AtomicLong warmUpEnd = new AtomicLong(Long.MAX_VALUE);
        AtomicLong end = new AtomicLong(Long.MAX_VALUE);
        long begin = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            Client client = newClient.get();
            clients.submit(() -> {
                boolean answered = false;
                while (System.nanoTime() < end.get()) {
                    try {
                        long start = System.nanoTime();
                        client.next();
                        if (System.nanoTime() > warmUpEnd.get()) {
                            done.incrementAndGet();
                            latencies.add((System.nanoTime() - start) / 1e6);
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    } finally {
                        if (!answered) {
                            answered = true;
                            firstAnswers.countDown();
                        }
                    }
                }
            });
        }
        if (!firstAnswers.await(2, TimeUnit.MINUTES)) {
            System.out.println("  (" + name + ": not every client answered within 2 minutes)");
        }
        long measured = Math.max(System.nanoTime(), begin + TimeUnit.SECONDS.toNanos(size.warmUp()));
        warmUpEnd.set(measured);
        end.set(measured + TimeUnit.SECONDS.toNanos(size.seconds));
        figures.info("  " + name + ": warm-up", String.format(Locale.ROOT, "%.1f s", (measured - begin) / 1e9));
        clients.shutdown();
        clients.awaitTermination(size.seconds + 60L, TimeUnit.SECONDS);
        if (failed.get() > 0) {
            System.out.println("  (" + name + ": " + failed.get() + " requests failed)");
        }
        double[] percentiles = Stopwatch.p50p99(latencies.stream().mapToDouble(Double::doubleValue).toArray());
        figures.info("  " + name + ": latency of a request",
                String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", percentiles[0], percentiles[1]));
        return done.get() / (double) size.seconds;
    }

    // ---- replay -----------------------------------------------------------------------------------------------

    private long fill() throws Exception {
        JdbcTemplate jdbc = jdbc();
        StandardEnvironment keys = new StandardEnvironment();
        keys.getPropertySources().addFirst(new MapPropertySource("benchmark", Map.of(KeyEncryptionKeys.TEXT,
                keyEncryptionKey)));
        LogFiller filler = new LogFiller(jdbc, new PersonalDataSeal(new CaseKeys(jdbc, new KeyEncryptionKeys(keys))));
        filler.longCase();
        long existing = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        long cases = Math.max(0, (size.events - existing) / LogFiller.EVENTS_PER_CASE);
        long start = System.nanoTime();
        filler.cases(1, cases);
        System.out.printf("  filled %d events in %.0f s%n", cases * LogFiller.EVENTS_PER_CASE,
                (System.nanoTime() - start) / 1e9);
        jdbc.execute("VACUUM ANALYZE domain_event_entry");
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private void rebuildEveryProjection(double rawScan) throws Exception {
        try (ConfigurableApplicationContext log = new SpringApplicationBuilder(LogOnly.class)
                .web(WebApplicationType.NONE).run(springArgs)) {
            JdbcTemplate jdbc = log.getBean(JdbcTemplate.class);
            ProjectionRebuild rebuild = log.getBean(ProjectionRebuild.class);
            // the projections are independent: rebuild them side by side, as two `rebuild` commands would run
            List<Projection> projections = log.getBean(ProjectionCatalog.class).all();
            ExecutorService rebuilders = Executors.newFixedThreadPool(projections.size());
            long start = System.nanoTime();
            List<Future<double[]>> runs = new ArrayList<>();
            for (Projection projection : projections) {
                runs.add(rebuilders.submit(() -> {
                    long projectionStart = System.nanoTime();
                    long applied = rebuild.run(projection, 5000, (done, total) -> { });
                    return new double[]{applied, (System.nanoTime() - projectionStart) / 1e9};
                }));
            }
            long events = 0;
            for (int i = 0; i < projections.size(); i++) {
                double[] run = runs.get(i).get();
                figures.info("rebuild of " + projections.get(i).name() + " (beside the other)",
                        String.format(Locale.ROOT, "%.0f events/s", run[0] / run[1]));
                events = Math.max(events, (long) run[0]);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            rebuilders.shutdown();
            figures.rateAtLeast("rebuild of every projection (log events/s)", events / seconds, "events/s",
                    rawScan, "ordered scan", 50_000);
            // the projections now hold the whole log: let the processors go on from its head
            TransactionTemplate transactions = log.getBean(TransactionTemplate.class);
            TokenStore tokens = log.getBean(TokenStore.class);
            SettledPosition head = (SettledPosition) log.getBean(EventStorageEngine.class).createHeadToken();
            transactions.executeWithoutResult(s -> {
                jdbc.update("DELETE FROM token_entry");
                tokens.initializeTokenSegments("case-files", 2, head);
                tokens.initializeTokenSegments("case-history", 2, head);
                tokens.initializeTokenSegments("merkle-log", 1, head);
            });
        }
    }

    // ---- latency ----------------------------------------------------------------------------------------------

    private void latencies() throws Exception {
        try (Api api = Api.start(url, springArgs, Api.SignIn.BCRYPT_SESSION)) {
            double[] history = Stopwatch.percentiles(20, 200, () -> api.get("/api/cases/" + LogFiller.LONG_CASE + "/history"));
            figures.latency("history of a case with 1,000 events (HTTP)", history[0], history[1], 50);
            double[] page = Stopwatch.percentiles(20, 200, () -> api.get("/api/cases?size=50"));
            figures.latency("caseload page of 50 among " + size.cases + " cases (HTTP)", page[0], page[1], 100);
            double[] filtered = Stopwatch.percentiles(20, 200,
                    () -> api.get("/api/cases?size=50&riskLevel=ORANGE&overdue=true&villageCode=1101010010"));
            figures.latency("caseload page, filtered by colour, overdue, village", filtered[0], filtered[1], 100);
        }
    }

    private JdbcTemplate jdbc() {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(USER);
        return new JdbcTemplate(dataSource);
    }
}
