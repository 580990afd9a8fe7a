package org.childprotection.registry.history;

import org.axonframework.messaging.MetaData;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.correction.RecordCorrected;
import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.QuerySideTest;
import org.childprotection.registry.transfer.CaseTransferred;
import org.childprotection.registry.transfer.TransferAccepted;
import org.childprotection.registry.transfer.TransferDeclined;
import org.childprotection.registry.transfer.TransferRequested;
import org.childprotection.registry.visit.HomeVisitRecorded;
import org.childprotection.registry.visit.VisitorRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.testsupport.Stories.assessed;
import static org.childprotection.registry.testsupport.Stories.registered;

@QuerySideTest
class CaseHistoryProjectionTest {

    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    @Autowired
    CaseEvents events;
    @Autowired
    CaseHistoryRepository history;
    @Autowired
    Reconciliation reconciliation;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_event_of_a_case_is_in_its_history_in_order_with_actor_role_reason_time_and_position() {
        String caseId = "history-1";
        MetaData withReason = CaseEvents.CASEWORKER.and("reason", "学校报告").and("requestId", "req-1")
                .and("correlationId", "corr-1");
        events.append(caseId, T0, registered(caseId, "110101001001", "li.caseworker", T0), withReason);
        events.append(caseId, T0.plusSeconds(60), assessed(caseId, RiskLevel.YELLOW, T0.plusSeconds(60)),
                CaseEvents.SUPERVISOR.and("reason", "评估：YELLOW"));
        ProjectionsAwait.projected(reconciliation);

        List<CaseEvent> entries = history.ofCase(caseId);

        assertThat(entries).extracting(CaseEvent::sequence).containsExactly(0L, 1L);
        assertThat(entries).extracting(CaseEvent::type).containsExactly("ChildRegistered", "RiskAssessed");
        CaseEvent first = entries.get(0);
        assertThat(first.actor()).isEqualTo("li.caseworker");
        assertThat(first.role()).isEqualTo("CASEWORKER");
        assertThat(first.reason()).isEqualTo("学校报告");
        assertThat(first.requestId()).isEqualTo("req-1");
        assertThat(first.correlationId()).isEqualTo("corr-1");
        assertThat(first.occurredAt()).isEqualTo(T0);
        assertThat(first.villageCode()).isEqualTo("110101001001");
        assertThat(first.dataTree().at("/child/name").asText()).isEqualTo("李小红");
        assertThat(entries.get(1).actor()).isEqualTo("wang.supervisor");
        assertThat(entries.get(1).globalIndex()).isGreaterThan(first.globalIndex());
    }

    /** The log is the history: case_event indexes the events, the log keeps what they recorded (V17). */
    @Test
    void each_event_is_read_from_the_log_as_stored_and_the_history_table_holds_no_copy_of_it() throws Exception {
        String caseId = "history-from-log";
        MetaData why = CaseEvents.CASEWORKER.and("reason", "学校报告").and("requestId", "req-9");
        String registration = events.append(caseId, T0, registered(caseId, "110101001009", "li.caseworker", T0), why);
        ProjectionsAwait.projected(reconciliation);

        CaseEvent entry = history.ofCase(caseId).get(0);

        assertThat(entry.eventId()).isEqualTo(registration);
        String stored = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE event_identifier = ?", String.class, registration);
        // the log holds the child's name sealed with the case's key; the history opens it
        assertThat(stored).doesNotContain("李小红").contains("\"sealed\"");
        assertThat(entry.dataTree().at("/child/name").asText()).isEqualTo("李小红");
        assertThat(entry.dataTree().at("/reportedAt")).isEqualTo(EventJson.mapper().readTree(stored).at("/reportedAt"));
        assertThat(jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE event_identifier = ?", String.class, registration)).doesNotContain("学校报告");
        assertThat(entry.reason()).isEqualTo("学校报告");
        assertThat(entry.requestId()).isEqualTo("req-9");
        assertThat(entry.correlationId()).isNull();
        assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'case_event' "
                + "ORDER BY ordinal_position", String.class)).containsExactly("global_index", "case_id", "sequence",
                "type", "occurred_at", "actor", "village_code", "corrects_event_id");
    }

    @Test
    void a_correction_is_shown_with_the_event_it_corrects_and_the_event_stays_as_recorded() {
        String caseId = "history-2";
        events.append(caseId, T0, registered(caseId, "110101001002", "li.caseworker", T0));
        String visit = events.append(caseId, T0.plusSeconds(10), new HomeVisitRecorded(caseId, LocalDate.of(2026, 3, 1),
                VisitorRole.CASEWORKER, true, "家中无人照看", List.of()));
        events.append(caseId, T0.plusSeconds(20), new RecordCorrected(caseId, visit, "HomeVisitRecorded", "visitDate",
                "2026-03-02", "日期写错"), CaseEvents.SUPERVISOR);
        ProjectionsAwait.projected(reconciliation);

        List<CaseEvent> entries = history.ofCase(caseId);

        CaseEvent corrected = entries.get(1);
        assertThat(corrected.dataTree().get("visitDate").asText()).isEqualTo("2026-03-01");
        assertThat(corrected.corrections()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("visitDate");
            assertThat(c.value()).isEqualTo("2026-03-02");
            assertThat(c.reason()).isEqualTo("日期写错");
            assertThat(c.actor()).isEqualTo("wang.supervisor");
            assertThat(c.eventId()).isEqualTo(entries.get(2).eventId());
        });
        assertThat(entries.get(2).correctsEventId()).isEqualTo(visit);
        assertThat(entries.get(0).corrections()).isEmpty();
    }

    @Test
    void the_cross_case_trail_filters_by_actor_type_village_prefix_and_time_and_respects_jurisdictions() {
        Instant t = Instant.parse("2026-05-01T00:00:00Z");
        events.append("trail-a", t, registered("trail-a", "220101001001", "zhang.caseworker", t));
        events.append("trail-b", t.plusSeconds(100), registered("trail-b", "220102001001", "li.caseworker",
                t.plusSeconds(100)));
        events.append("trail-a", t.plusSeconds(200), assessed("trail-a", RiskLevel.GREEN, t.plusSeconds(200)),
                CaseEvents.SUPERVISOR);
        events.append("trail-a", t.plusSeconds(300), new CaseTransferred("trail-a", "220101001001", "220103001001",
                "搬家"), CaseEvents.SUPERVISOR);
        events.append("trail-a", t.plusSeconds(400), assessed("trail-a", RiskLevel.YELLOW, t.plusSeconds(400)),
                CaseEvents.SUPERVISOR);
        ProjectionsAwait.projected(reconciliation);
        Jurisdictions province = Jurisdictions.of("22");
        PageRequest all = new PageRequest(0, 50);

        assertThat(ids(history.trail(new AuditTrailFilter(null, null, null, null, null), province, all)))
                .containsExactly("trail-a/0", "trail-b/0", "trail-a/1", "trail-a/2", "trail-a/3");
        assertThat(ids(history.trail(new AuditTrailFilter("wang.supervisor", null, null, null, null), province, all)))
                .containsExactly("trail-a/1", "trail-a/2", "trail-a/3");
        assertThat(ids(history.trail(new AuditTrailFilter(null, "RiskAssessed", null, null, null), province, all)))
                .containsExactly("trail-a/1", "trail-a/3");
        assertThat(ids(history.trail(new AuditTrailFilter(null, null, "220101", null, null), province, all)))
                .as("events recorded while the case was in 220101").containsExactly("trail-a/0", "trail-a/1");
        assertThat(ids(history.trail(new AuditTrailFilter(null, null, "220103", null, null), province, all)))
                .as("the transfer and what followed").containsExactly("trail-a/2", "trail-a/3");
        assertThat(ids(history.trail(new AuditTrailFilter(null, null, null, t.plusSeconds(100), t.plusSeconds(300)),
                province, all))).containsExactly("trail-b/0", "trail-a/1");
        assertThat(ids(history.trail(new AuditTrailFilter(null, null, null, null, null), Jurisdictions.of("220102"), all)))
                .containsExactly("trail-b/0");
        assertThat(history.trail(new AuditTrailFilter(null, null, null, null, null), new Jurisdictions(List.of()), all)
                .total()).isZero();

        Page<CaseEvent> second = history.trail(new AuditTrailFilter(null, null, null, null, null), province,
                new PageRequest(1, 2));
        assertThat(second.total()).isEqualTo(5);
        assertThat(ids(second)).containsExactly("trail-a/1", "trail-a/2");
    }

    /** A transfer's request and decline are recorded in the sending village; its acceptance opens the new one. */
    @Test
    void a_two_step_transfer_is_in_the_new_village_from_its_acceptance_on() {
        Instant t = Instant.parse("2026-05-02T00:00:00Z");
        events.append("two-step", t, registered("two-step", "230101001001", "zhang.caseworker", t));
        events.append("two-step", t.plusSeconds(100), new TransferRequested("two-step", "230101001001", "230102001001",
                "搬家", "wang.supervisor"), CaseEvents.SUPERVISOR);
        events.append("two-step", t.plusSeconds(200), new TransferDeclined("two-step", "230102001001",
                "wang.supervisor", "sun.supervisor", null), CaseEvents.SUPERVISOR);
        events.append("two-step", t.plusSeconds(300), new TransferRequested("two-step", "230101001001", "230102001001",
                "搬家", "wang.supervisor"), CaseEvents.SUPERVISOR);
        events.append("two-step", t.plusSeconds(400), new TransferAccepted("two-step", "230101001001", "230102001001",
                "wang.supervisor", "sun.supervisor", null, "zhang.caseworker"), CaseEvents.SUPERVISOR);
        events.append("two-step", t.plusSeconds(500), assessed("two-step", RiskLevel.GREEN, t.plusSeconds(500)),
                CaseEvents.SUPERVISOR);
        ProjectionsAwait.projected(reconciliation);
        PageRequest all = new PageRequest(0, 50);

        assertThat(ids(history.trail(new AuditTrailFilter(null, null, null, null, null), Jurisdictions.of("230101"), all)))
                .containsExactly("two-step/0", "two-step/1", "two-step/2", "two-step/3");
        assertThat(ids(history.trail(new AuditTrailFilter(null, null, null, null, null), Jurisdictions.of("230102"), all)))
                .containsExactly("two-step/4", "two-step/5");
    }

    private static List<String> ids(Page<CaseEvent> page) {
        return page.items().stream().map(e -> e.caseId() + "/" + e.sequence()).toList();
    }
}
