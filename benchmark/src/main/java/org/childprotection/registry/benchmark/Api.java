package org.childprotection.registry.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.childprotection.registry.assessment.RecordRiskAssessment;
import org.childprotection.registry.registration.RegisterChild;
import org.childprotection.registry.visit.RecordHomeVisit;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The API as its own process (api/target/registry-api.jar), its user li.caseworker signed in as {@link SignIn} says,
 * as a login in {@code registry_app}.
 */
final class Api implements AutoCloseable {

    /** The API's registration body; the floor takes the same. */
    static final String REGISTRATION = "{\"child\":{\"name\":\"李小红\",\"sex\":\"F\",\"dateOfBirth\":\"2017-04-12\","
            + "\"hukou\":\"RURAL\",\"villageCode\":\"110101001001\"},\"father\":{\"status\":\"MIGRATED\"},\"mother\":"
            + "{\"status\":\"MIGRATED\"},\"report\":{\"source\":\"VILLAGE_COMMITTEE\",\"triggers\":[],\"description\":"
            + "\"父母均外出务工\"}}";

    private static final String USERNAME = "li.caseworker";
    private static final String PASSWORD = "benchmark-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the user signs in. */
    enum SignIn {
        /** As a site runs it: no demo profile, a {@code {bcrypt}} user who signs in once to a session. */
        BCRYPT_SESSION,
        /**
         * The comparison: a {@code {noop}} user sending HTTP Basic on every request. The API refuses {@code {noop}}
         * passwords outside the demo profile, so this one process runs in it, with every other setting as above.
         */
        NOOP_BASIC
    }

    /** A command's answer: the case, and its version after the command. */
    record Answer(String caseId, long version) {
    }

    private final ServiceProcess service;

    private Api(ServiceProcess service) {
        this.service = service;
    }

    /** The benchmark's login of the API in the database (dropped with it). */
    static String login(String database) {
        return database + "_api";
    }

    static Api start(String url, String[] springArgs, SignIn signIn) throws Exception {
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(url, RegistryBenchmark.USER, "")) {
            c.createStatement().execute("DROP ROLE IF EXISTS " + login(database));
            c.createStatement().execute("CREATE ROLE " + login(database) + " LOGIN IN ROLE registry_app");
        }
        // the in-process phases' settings (the demo profile, the superuser) give way to a site's
        List<String> args = new ArrayList<>(Arrays.stream(springArgs).filter(a -> !a.startsWith("--spring.profiles.active=")
                && !a.startsWith("--spring.datasource.username=") && !a.startsWith("--registry.database.migrate=")).toList());
        String password = signIn == SignIn.BCRYPT_SESSION ? "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD)
                : "{noop}" + PASSWORD;
        if (signIn == SignIn.NOOP_BASIC) {
            args.add("--spring.profiles.active=demo");
        }
        args.addAll(List.of("--spring.datasource.username=" + login(database), "--registry.database.migrate=false",
                "--registry.integrity.generate-key=true", "--registry.security.behind-tls-proxy=true",
                "--registry.security.users[0].username=" + USERNAME,
                "--registry.security.users[0].password=" + password,
                "--registry.security.users[0].role=CASEWORKER",
                "--registry.security.users[0].jurisdictions[0]=110101001"));
        ServiceProcess service = ServiceProcess.start(signIn == SignIn.BCRYPT_SESSION ? "api" : "api-noop-basic", List.of("-jar", "api/target/registry-api.jar"), args,
                "/actuator/health");
        try {
            if (signIn == SignIn.BCRYPT_SESSION) {
                service.openSession(USERNAME, PASSWORD, "/api/session", "/api/me");
            } else {
                service.useBasic(USERNAME, PASSWORD);
                // refused credentials fail here, not as every command of the phase; and the path is as warm as a sign-in's
                service.get("/api/me");
            }
            return new Api(service);
        } catch (Exception | Error e) {
            service.close();
            throw e;
        }
    }

    Answer command(String caseId, Object command) throws Exception {
        String path;
        String body;
        if (command instanceof RegisterChild) {
            path = "/api/cases";
            body = REGISTRATION;
        } else if (command instanceof RecordRiskAssessment a) {
            path = "/api/cases/" + caseId + "/assessments";
            body = "{\"riskLevel\":\"" + a.riskLevel() + "\",\"factors\":[\"NO_PARENTAL_CONTACT\"],\"summary\":\"定期评估\"}";
        } else if (command instanceof RecordHomeVisit v) {
            path = "/api/cases/" + caseId + "/visits";
            body = "{\"visitDate\":\"" + v.visitDate() + "\",\"visitorRole\":\"CHILDREN_DIRECTOR\",\"childSeen\":true,"
                    + "\"observations\":\"孩子在家写作业\",\"concerns\":[]}";
        } else {
            path = "/api/cases/" + caseId + "/referrals";
            body = "{\"service\":\"PSYCHOSOCIAL\",\"provider\":\"乡卫生院\"}";
        }
        JsonNode answer = JSON.readTree(service.post(path, body));
        return new Answer(answer.get("caseId").asText(), answer.get("version").asLong());
    }

    String get(String path) throws Exception {
        return service.get(path);
    }

    @Override
    public void close() throws Exception {
        service.close();
    }
}
