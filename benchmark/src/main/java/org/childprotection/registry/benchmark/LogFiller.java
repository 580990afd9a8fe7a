package org.childprotection.registry.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.childprotection.registry.assessment.RiskAssessed;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.childcase.ProtectionStatusChanged;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.contact.ContactChannel;
import org.childprotection.registry.contact.ParentRole;
import org.childprotection.registry.contact.ParentalContactRecorded;
import org.childprotection.registry.eventlog.EventJson;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the log with real, serialised events in bulk SQL: cases of ten events each (registration, assessment
 * and status, five visits, a referral, a parental contact), in villages under 110101001, so that the demo
 * caseworker's caseload holds them all; and one case with 1,000 events.
 */
final class LogFiller {

    static final String LONG_CASE = "bench-long-history";
    static final int EVENTS_PER_CASE = 10;

    private final JdbcTemplate jdbc;

    LogFiller(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void cases(long firstCase, long cases) throws JsonProcessingException {
        List<String> values = new ArrayList<>();
        List<Object[]> templates = templates();
        for (int k = 0; k < templates.size(); k++) {
            values.add("(" + k + ", '" + templates.get(k)[0] + "', '" + escape((String) templates.get(k)[1]) + "')");
        }
        String metadata = "{\"actor\":\"li.caseworker\",\"role\":\"CASEWORKER\",\"requestId\":\"bench\",\"correlationId\":\"bench\"}";
        long chunk = 20_000;
        for (long from = firstCase; from < firstCase + cases; from += chunk) {
            long to = Math.min(firstCase + cases, from + chunk) - 1;
            jdbc.update("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    SELECT gen_random_uuid()::text, 'bench-' || n, t.seq, 'ChildCase',
                           to_char(timestamp '2026-01-01' + (n || ' seconds')::interval + (t.seq || ' milliseconds')::interval,
                                   'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                           t.type, '1',
                           convert_to(replace(replace(replace(t.payload, '__CASE__', 'bench-' || n),
                                   '__VILLAGE__', '1101010010' || lpad((n % 100)::text, 2, '0')),
                                   '__LEVEL__', (ARRAY['GREEN','YELLOW','ORANGE','RED'])[n % 4 + 1]), 'UTF8'),
                           convert_to(?, 'UTF8')
                    FROM generate_series(?::bigint, ?::bigint) n
                    CROSS JOIN (VALUES __TEMPLATES__) AS t(seq, type, payload)
                    ORDER BY n, t.seq
                    """.replace("__TEMPLATES__", String.join(", ", values)), metadata, from, to);
        }
    }

    /** One case whose history has 1,000 events: a registration and 999 visits. */
    void longCase() throws JsonProcessingException {
        String registration = json(registered(LONG_CASE, "110101001001"));
        String visit = json(new HomeVisitRecorded(LONG_CASE, LocalDate.of(2026, 1, 5), VisitorRole.CASEWORKER, true,
                "孩子在家写作业，祖母在旁", List.of()));
        String metadata = "{\"actor\":\"li.caseworker\",\"role\":\"CASEWORKER\"}";
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT gen_random_uuid()::text, ?, s, 'ChildCase',
                       to_char(timestamp '2026-01-02' + (s || ' seconds')::interval, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                       CASE WHEN s = 0 THEN ? ELSE ? END, '1',
                       convert_to(CASE WHEN s = 0 THEN ? ELSE ? END, 'UTF8'), convert_to(?, 'UTF8')
                FROM generate_series(0, 999) s ORDER BY s
                """, LONG_CASE, ChildRegistered.class.getName(), HomeVisitRecorded.class.getName(), registration,
                visit, metadata);
    }

    private static List<Object[]> templates() throws JsonProcessingException {
        String caseId = "__CASE__";
        List<Object[]> t = new ArrayList<>();
        t.add(new Object[]{ChildRegistered.class.getName(), json(registered(caseId, "__VILLAGE__"))});
        t.add(new Object[]{RiskAssessed.class.getName(), json(new RiskAssessed(caseId, RiskLevel.GREEN,
                List.of(RiskFactor.NO_PARENTAL_CONTACT), "父母半年未联系", Instant.parse("2026-01-01T08:00:00Z")))
                .replace("\"GREEN\"", "\"__LEVEL__\"")});
        t.add(new Object[]{ProtectionStatusChanged.class.getName(), json(new ProtectionStatusChanged(caseId,
                CaseStatus.REPORTED, CaseStatus.UNDER_PROTECTION, RiskLevel.GREEN)).replace("\"GREEN\"", "\"__LEVEL__\"")});
        for (int i = 0; i < 5; i++) {
            t.add(new Object[]{HomeVisitRecorded.class.getName(), json(new HomeVisitRecorded(caseId,
                    LocalDate.of(2026, 1, 2 + i), VisitorRole.CHILDREN_DIRECTOR, true, "孩子在家写作业，祖母在旁", List.of()))});
        }
        t.add(new Object[]{ServiceReferred.class.getName(), json(new ServiceReferred(caseId, "ref-1",
                Service.EDUCATION, "东风小学", "课后托管"))});
        t.add(new Object[]{ParentalContactRecorded.class.getName(), json(new ParentalContactRecorded(caseId,
                LocalDate.of(2026, 1, 8), ParentRole.MOTHER, ContactChannel.VIDEO))});
        return t;
    }

    private static ChildRegistered registered(String caseId, String villageCode) {
        return new ChildRegistered(caseId, new Child("王小明", Sex.M, LocalDate.of(2016, 5, 1), null, Hukou.RURAL,
                villageCode, "东风小学"), new Parent(ParentStatus.MIGRATED, "广东省深圳市"),
                new Parent(ParentStatus.MIGRATED, null), null,
                new Report(ReportSource.SCHOOL, List.of(), "常常放学后一个人在家"), Instant.parse("2026-01-01T00:00:00Z"),
                "li.caseworker");
    }

    private static String json(Object event) throws JsonProcessingException {
        return EventJson.mapper().writeValueAsString(event);
    }

    private static String escape(String sql) {
        return sql.replace("'", "''");
    }
}
