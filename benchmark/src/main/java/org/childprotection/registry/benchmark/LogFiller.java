package org.childprotection.registry.benchmark;

import org.childprotection.registry.assessment.RiskAssessed;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.childcase.ProtectionStatusChanged;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.contact.ContactChannel;
import org.childprotection.registry.contact.ParentRole;
import org.childprotection.registry.contact.ParentalContactRecorded;
import org.childprotection.registry.privacy.PersonalDataSeal;
import org.childprotection.registry.referral.Service;
import org.childprotection.registry.referral.ServiceReferred;
import org.childprotection.registry.registration.Child;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.registration.Hukou;
import org.childprotection.registry.registration.Parent;
import org.childprotection.registry.registration.ParentStatus;
import org.childprotection.registry.registration.Report;
import org.childprotection.registry.registration.ReportSource;
import org.childprotection.registry.registration.Sex;
import org.childprotection.registry.visit.HomeVisitRecorded;
import org.childprotection.registry.visit.VisitorRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fills the log with real, serialised events, each case's personal fields sealed with its own key as the registry
 * writes them (docs/erasure.md): cases of ten events each (registration, assessment and status, five visits, a
 * referral, a parental contact), in villages under 110101001, so that the demo caseworker's caseload holds them all;
 * and one case with 1,000 events. Batched inserts of a few thousand cases at a time.
 */
final class LogFiller {

    static final String LONG_CASE = "bench-long-history";
    static final int EVENTS_PER_CASE = 10;

    private static final String INSERT = """
            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                payload_type, payload_revision, payload, meta_data)
            VALUES (?, ?, ?, 'ChildCase', ?, ?, '1', ?, ?)""";
    private static final DateTimeFormatter STORED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final RiskLevel[] LEVELS = {RiskLevel.GREEN, RiskLevel.YELLOW, RiskLevel.ORANGE, RiskLevel.RED};

    private final JdbcTemplate jdbc;
    private final PersonalDataSeal seal;
    /** A chunk's keys and events in one transaction, as a command writes them, not a commit per key. */
    private final TransactionTemplate transactions;

    LogFiller(JdbcTemplate jdbc, PersonalDataSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    void cases(long firstCase, long cases) {
        long chunk = 2_000;
        for (long from = firstCase; from < firstCase + cases; from += chunk) {
            long first = from;
            transactions.executeWithoutResult(status -> chunk(first, Math.min(firstCase + cases, first + chunk)));
        }
    }

    private void chunk(long from, long to) {
        List<Object[]> rows = new ArrayList<>();
        for (long n = from; n < to; n++) {
            String caseId = "bench-" + n;
            List<Object> events = events(caseId, String.format("1101010010%02d", n % 100), LEVELS[(int) (n % 4)]);
            for (int seq = 0; seq < events.size(); seq++) {
                rows.add(row(caseId, seq, START.plusSeconds(n).plusMillis(seq), events.get(seq),
                        "{\"actor\":\"li.caseworker\",\"role\":\"CASEWORKER\",\"requestId\":\"bench\","
                                + "\"correlationId\":\"bench\"}"));
            }
        }
        jdbc.batchUpdate(INSERT, rows);
    }

    /** One case whose history has 1,000 events: a registration and 999 visits. */
    void longCase() {
        List<Object[]> rows = new ArrayList<>();
        Instant start = Instant.parse("2026-01-02T00:00:00Z");
        String metadata = "{\"actor\":\"li.caseworker\",\"role\":\"CASEWORKER\"}";
        rows.add(row(LONG_CASE, 0, start, registered(LONG_CASE, "110101001001"), metadata));
        for (int s = 1; s < 1000; s++) {
            rows.add(row(LONG_CASE, s, start.plusSeconds(s), new HomeVisitRecorded(LONG_CASE, LocalDate.of(2026, 1, 5),
                    VisitorRole.CASEWORKER, true, "孩子在家写作业，祖母在旁", List.of()), metadata));
        }
        jdbc.batchUpdate(INSERT, rows);
    }

    private Object[] row(String caseId, int sequence, Instant at, Object event, String metadata) {
        return new Object[]{UUID.randomUUID().toString(), caseId, sequence, STORED_TIME.format(at),
                event.getClass().getName(), seal.seal(event),
                metadata.getBytes(StandardCharsets.UTF_8)};
    }

    private static List<Object> events(String caseId, String village, RiskLevel level) {
        List<Object> events = new ArrayList<>();
        events.add(registered(caseId, village));
        events.add(new RiskAssessed(caseId, level, List.of(RiskFactor.NO_PARENTAL_CONTACT), "父母半年未联系",
                Instant.parse("2026-01-01T08:00:00Z")));
        events.add(new ProtectionStatusChanged(caseId, CaseStatus.REPORTED, CaseStatus.UNDER_PROTECTION, level));
        for (int i = 0; i < 5; i++) {
            events.add(new HomeVisitRecorded(caseId, LocalDate.of(2026, 1, 2 + i), VisitorRole.CHILDREN_DIRECTOR, true,
                    "孩子在家写作业，祖母在旁", List.of()));
        }
        events.add(new ServiceReferred(caseId, "ref-1", Service.EDUCATION, "东风小学", "课后托管"));
        events.add(new ParentalContactRecorded(caseId, LocalDate.of(2026, 1, 8), ParentRole.MOTHER,
                ContactChannel.VIDEO));
        return events;
    }

    private static ChildRegistered registered(String caseId, String villageCode) {
        return new ChildRegistered(caseId, new Child("王小明", Sex.M, LocalDate.of(2016, 5, 1), null, Hukou.RURAL,
                villageCode, "东风小学"), new Parent(ParentStatus.MIGRATED, "广东省深圳市"),
                new Parent(ParentStatus.MIGRATED, null), null,
                new Report(ReportSource.SCHOOL, List.of(), "常常放学后一个人在家"), Instant.parse("2026-01-01T00:00:00Z"),
                "li.caseworker");
    }
}
