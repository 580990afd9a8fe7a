package org.childprotection.registry.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.childprotection.registry.assessment.RiskAssessed;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.assignment.CaseworkerAssigned;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.closure.CaseReopened;
import org.childprotection.registry.closure.ClosureApproved;
import org.childprotection.registry.closure.ClosureReason;
import org.childprotection.registry.closure.ClosureRejected;
import org.childprotection.registry.closure.ClosureRequested;
import org.childprotection.registry.contact.ContactChannel;
import org.childprotection.registry.contact.ParentRole;
import org.childprotection.registry.contact.ParentalContactRecorded;
import org.childprotection.registry.correction.RecordCorrected;
import org.childprotection.registry.emergency.EmergencyAction;
import org.childprotection.registry.emergency.EmergencyDeclared;
import org.childprotection.registry.emergency.Placement;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.guardian.EntrustedGuardianRecorded;
import org.childprotection.registry.guardian.GuardianCapacity;
import org.childprotection.registry.guardian.Relationship;
import org.childprotection.registry.intervention.CourtAppointedGuardian;
import org.childprotection.registry.intervention.CourtDecisionRecorded;
import org.childprotection.registry.intervention.GuardianshipInterventionFiled;
import org.childprotection.registry.intervention.InterventionGrounds;
import org.childprotection.registry.referral.ReferralOutcome;
import org.childprotection.registry.referral.ReferralOutcomeRecorded;
import org.childprotection.registry.referral.Service;
import org.childprotection.registry.referral.ServiceReferred;
import org.childprotection.registry.registration.Caregiver;
import org.childprotection.registry.registration.Child;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.registration.Hukou;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.childprotection.registry.registration.Parent;
import org.childprotection.registry.registration.ParentStatus;
import org.childprotection.registry.registration.PoliceNotified;
import org.childprotection.registry.registration.Report;
import org.childprotection.registry.registration.ReportSource;
import org.childprotection.registry.registration.Sex;
import org.childprotection.registry.transfer.CaseTransferred;
import org.childprotection.registry.visit.HomeVisitRecorded;
import org.childprotection.registry.visit.VisitorRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.childcase.CaseExamples.CASEWORKER;
import static org.childprotection.registry.childcase.CaseExamples.SUPERVISOR;
import static org.childprotection.registry.childcase.CaseExamples.statusChanged;

/**
 * The fold of one case's events into its file (docs/domain.md, docs/api.md), without Spring or a
 * database: events are built as the event store would hand them to the projection.
 */
class CaseFileTest {

    private static final String CASE_ID = "c0a8e1f2-0000-4000-8000-000000000001";
    private static final String VILLAGE = "330782101001";
    private static final String OTHER_VILLAGE = "330782102003";

    /** 10:00 in Shanghai on 2 March 2026. */
    private static final Instant REPORTED_AT = Instant.parse("2026-03-02T02:00:00Z");
    /** 01:30 on 4 March in Shanghai, still 3 March in UTC: the schedule must count from the Shanghai date. */
    private static final Instant ASSESSED_AT = Instant.parse("2026-03-03T17:30:00Z");
    private static final LocalDate ASSESSMENT_DAY_IN_SHANGHAI = LocalDate.of(2026, 3, 4);

    private static final Child CHILD = new Child("李小红", Sex.F, LocalDate.of(2017, 4, 12), "33078220170412002X",
            Hukou.RURAL, VILLAGE, "红星小学");
    private static final Parent FATHER = new Parent(ParentStatus.MIGRATED, "浙江省义乌市");
    private static final Parent MOTHER = new Parent(ParentStatus.INCAPABLE, null);
    private static final Caregiver CAREGIVER = new Caregiver("李桂兰", Relationship.GRANDPARENT, 68,
            GuardianCapacity.LIMITED);

    // ---- the event builder ------------------------------------------------------------------------------

    /** The events of one case, as the event store gives them: increasing sequence numbers from 0. */
    private static final class Story {
        private long nextSequence;
        private final List<DomainEventMessage<?>> events = new ArrayList<>();

        DomainEventMessage<?> add(Object payload, Instant at) {
            return add(payload, at, CASEWORKER, UUID.randomUUID().toString());
        }

        DomainEventMessage<?> add(Object payload, Instant at, String actor, String eventId) {
            DomainEventMessage<?> message = new GenericDomainEventMessage<>("ChildCase", CASE_ID, nextSequence++,
                    payload, MetaData.with("actor", actor), eventId, at);
            events.add(message);
            return message;
        }

        /** An event with the given sequence number, not part of the story (for replays and duplicates). */
        static DomainEventMessage<?> stray(long sequence, Object payload, Instant at) {
            return new GenericDomainEventMessage<>("ChildCase", CASE_ID, sequence, payload,
                    MetaData.with("actor", CASEWORKER), UUID.randomUUID().toString(), at);
        }

        List<DomainEventMessage<?>> events() {
            return events;
        }

        CaseFile file() {
            return CaseFile.of(events);
        }
    }

    // ---- payloads -------------------------------------------------------------------------------------------

    private static ChildRegistered registered(Instant at, MandatoryReportingTrigger... triggers) {
        return new ChildRegistered(CASE_ID, CHILD, FATHER, MOTHER, CAREGIVER,
                new Report(ReportSource.SCHOOL, List.of(triggers), "孩子独自在家，父亲在外务工"), at, CASEWORKER);
    }

    private static RiskAssessed assessed(RiskLevel level, Instant at) {
        return new RiskAssessed(CASE_ID, level, List.of(RiskFactor.NO_PARENTAL_CONTACT), "评估：" + level, at);
    }

    private static HomeVisitRecorded visit(LocalDate date) {
        return new HomeVisitRecorded(CASE_ID, date, VisitorRole.CHILDREN_DIRECTOR, true, "孩子状态良好", List.of());
    }

    private static EntrustedGuardianRecorded entrustedGuardian() {
        return new EntrustedGuardianRecorded(CASE_ID, "王秀英", Relationship.GRANDPARENT, 62, GuardianCapacity.CAPABLE,
                true, "13800000000");
    }

    private static EmergencyDeclared emergency(Placement placement, Instant at) {
        return new EmergencyDeclared(CASE_ID, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING,
                List.of(EmergencyAction.TEMPORARY_CARE_PLACEMENT), placement, "孩子独自在家三天", at);
    }

    private static RecordCorrected correction(DomainEventMessage<?> corrected, String field, String value) {
        return new RecordCorrected(CASE_ID, corrected.getIdentifier(), corrected.getPayloadType().getSimpleName(),
                field, value, "登记错误");
    }

    /** Registered and assessed at {@link #ASSESSED_AT} with the given colour: sequences 0 to 2. */
    private static Story assessedStory(RiskLevel level) {
        Story story = new Story();
        story.add(registered(REPORTED_AT), REPORTED_AT);
        story.add(assessed(level, ASSESSED_AT), ASSESSED_AT);
        story.add(statusChanged(CASE_ID, CaseStatus.REPORTED, level), ASSESSED_AT);
        return story;
    }

    private static String json(CaseFile file) throws Exception {
        return EventJson.mapper().writeValueAsString(file);
    }

    private static JsonNode jsonWithout(CaseFile file, String... fields) throws Exception {
        ObjectNode node = (ObjectNode) EventJson.mapper().readTree(json(file));
        node.remove(List.of(fields));
        return node;
    }

    private static Instant startOfDayInShanghai(String isoDate) {
        return LocalDate.parse(isoDate).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }

    // ---- registration ----------------------------------------------------------------------------------------

    @Test
    void registration_fills_the_file_and_gives_three_days_for_the_assessment() {
        // given
        Story story = new Story();
        story.add(registered(REPORTED_AT), REPORTED_AT);

        // when
        CaseFile file = story.file();

        // then
        assertThat(file.exists()).isTrue();
        assertThat(file.caseId()).isEqualTo(CASE_ID);
        assertThat(file.child()).isEqualTo(CHILD);
        assertThat(file.father()).isEqualTo(FATHER);
        assertThat(file.mother()).isEqualTo(MOTHER);
        assertThat(file.caregiver()).isEqualTo(CAREGIVER);
        assertThat(file.caseworker()).isEqualTo(CASEWORKER);
        assertThat(file.villageCode()).isEqualTo(VILLAGE);
        assertThat(file.reportedAt()).isEqualTo(REPORTED_AT);
        assertThat(file.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(file.version()).isZero();
        assertThat(file.assessmentDue()).isEqualTo(Instant.parse("2026-03-05T02:00:00Z"));
        assertThat(file.riskLevel()).isNull();
        assertThat(file.assessedAt()).isNull();
        assertThat(file.firstAssessedAt()).isNull();
        assertThat(file.nextVisitDue()).isNull();
        assertThat(file.lastVisitAt()).isNull();
        assertThat(file.guardian()).isNull();
        assertThat(file.openReferrals()).isEmpty();
        assertThat(file.openInterventions()).isEmpty();
        assertThat(file.corrections()).isEmpty();
        assertThat(file.dueAt()).isEqualTo(Instant.parse("2026-03-05T02:00:00Z"));
    }

    @Test
    void a_report_with_a_mandatory_reporting_trigger_must_be_assessed_within_24_hours() {
        // given
        Story story = new Story();
        story.add(registered(REPORTED_AT, MandatoryReportingTrigger.SUSPECTED_INJURY_OR_HARM), REPORTED_AT);
        story.add(new PoliceNotified(CASE_ID, List.of(MandatoryReportingTrigger.SUSPECTED_INJURY_OR_HARM)),
                REPORTED_AT);

        // when
        CaseFile file = story.file();

        // then
        assertThat(file.assessmentDue()).isEqualTo(Instant.parse("2026-03-03T02:00:00Z"));
        assertThat(file.dueAt()).isEqualTo(Instant.parse("2026-03-03T02:00:00Z"));
        assertThat(file.nextVisitDue()).isNull();
        assertThat(file.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(file.version()).isEqualTo(1);
    }

    @Test
    void a_registered_case_is_overdue_only_after_its_assessment_deadline() {
        // given
        Story story = new Story();
        story.add(registered(REPORTED_AT), REPORTED_AT);
        CaseFile file = story.file();
        Instant deadline = REPORTED_AT.plus(Duration.ofDays(3));

        // when / then
        assertThat(file.dueAt()).isEqualTo(deadline);
        assertThat(file.isOverdue(deadline.minusSeconds(1))).isFalse();
        assertThat(file.isOverdue(deadline)).isFalse();
        assertThat(file.isOverdue(deadline.plusNanos(1))).isTrue();
        assertThat(file.isOverdue(deadline.plusSeconds(1))).isTrue();
    }

    // ---- assessment ------------------------------------------------------------------------------------------

    @Test
    void an_assessment_sets_the_colour_and_the_assessment_dates_and_ends_the_pending_deadline() {
        // given
        Story story = new Story();
        story.add(registered(REPORTED_AT), REPORTED_AT);
        CaseFile file = story.file();

        // when
        file.apply(story.add(assessed(RiskLevel.GREEN, ASSESSED_AT), ASSESSED_AT));
        file.apply(story.add(statusChanged(CASE_ID, CaseStatus.REPORTED, RiskLevel.GREEN), ASSESSED_AT));

        // then
        assertThat(file.riskLevel()).isEqualTo(RiskLevel.GREEN);
        assertThat(file.status()).isEqualTo(CaseStatus.MONITORING);
        assertThat(file.assessedAt()).isEqualTo(ASSESSED_AT);
        assertThat(file.firstAssessedAt()).isEqualTo(ASSESSED_AT);
        assertThat(file.assessmentDue()).isNull();
        assertThat(file.version()).isEqualTo(2);
    }

    @Test
    void later_assessments_change_colour_and_status_but_keep_the_first_assessment_time() {
        // given
        Story story = assessedStory(RiskLevel.GREEN);
        Instant second = Instant.parse("2026-03-12T03:00:00Z");
        Instant third = Instant.parse("2026-03-20T03:00:00Z");
        story.add(assessed(RiskLevel.ORANGE, second), second);
        story.add(statusChanged(CASE_ID, CaseStatus.MONITORING, RiskLevel.ORANGE), second);
        story.add(assessed(RiskLevel.RED, third), third);

        // when
        CaseFile file = story.file();
        CaseStatus beforeStatusEvent = file.status();
        file.apply(story.add(statusChanged(CASE_ID, CaseStatus.UNDER_PROTECTION, RiskLevel.RED), third));

        // then
        assertThat(beforeStatusEvent).isEqualTo(CaseStatus.UNDER_PROTECTION);
        assertThat(file.status()).isEqualTo(CaseStatus.EMERGENCY);
        assertThat(file.riskLevel()).isEqualTo(RiskLevel.RED);
        assertThat(file.assessedAt()).isEqualTo(third);
        assertThat(file.firstAssessedAt()).isEqualTo(ASSESSED_AT);
        assertThat(file.assessmentDue()).isNull();
    }

    // ---- visit schedule --------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "GREEN,  2026-04-03",
            "YELLOW, 2026-03-18",
            "ORANGE, 2026-03-11",
            "RED,    2026-03-05"})
    void without_a_visit_the_next_visit_is_due_one_interval_after_the_shanghai_date_of_the_assessment(RiskLevel level,
                                                                                      LocalDate expectedDue) {
        // given
        Story story = assessedStory(level);

        // when
        CaseFile file = story.file();

        // then
        assertThat(file.lastVisitAt()).isNull();
        assertThat(file.nextVisitDue()).isEqualTo(expectedDue)
                .isEqualTo(ASSESSMENT_DAY_IN_SHANGHAI.plusDays(level.visitInterval().toDays()));
        Instant endOfDueDay = startOfDayInShanghai(expectedDue.plusDays(1).toString());
        assertThat(file.dueAt()).isEqualTo(endOfDueDay);
        assertThat(file.isOverdue(endOfDueDay.minusNanos(1))).isFalse();
        assertThat(file.isOverdue(endOfDueDay.plusSeconds(1))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "GREEN,  2026-04-19",
            "YELLOW, 2026-04-03",
            "ORANGE, 2026-03-27",
            "RED,    2026-03-21"})
    void after_visits_the_next_visit_is_due_one_interval_after_the_latest_visit_date_even_when_recorded_out_of_order(
            RiskLevel level, LocalDate expectedDue) {
        // given
        Story story = assessedStory(level);
        story.add(visit(LocalDate.of(2026, 3, 10)), Instant.parse("2026-03-10T06:00:00Z"));
        story.add(visit(LocalDate.of(2026, 3, 20)), Instant.parse("2026-03-20T06:00:00Z"));
        // recorded late: an earlier visit must not pull the schedule back
        story.add(visit(LocalDate.of(2026, 3, 15)), Instant.parse("2026-03-21T06:00:00Z"));

        // when
        CaseFile file = story.file();

        // then
        assertThat(file.lastVisitAt()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(file.nextVisitDue()).isEqualTo(expectedDue);
        assertThat(file.version()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({
            "GREEN,  2026-04-19T16:00:00Z",
            "YELLOW, 2026-04-03T16:00:00Z",
            "ORANGE, 2026-03-27T16:00:00Z",
            "RED,    2026-03-21T16:00:00Z"})
    void a_visit_is_overdue_only_once_its_due_day_has_ended_in_shanghai(RiskLevel level, Instant endOfDueDay) {
        // given: last visit on 20 March; the due day ends at midnight Shanghai time (16:00 UTC the same date)
        Story story = assessedStory(level);
        story.add(visit(LocalDate.of(2026, 3, 20)), Instant.parse("2026-03-20T06:00:00Z"));

        // when
        CaseFile file = story.file();

        // then
        assertThat(file.dueAt()).isEqualTo(endOfDueDay);
        assertThat(file.isOverdue(endOfDueDay.minus(Duration.ofHours(12)))).isFalse();
        assertThat(file.isOverdue(endOfDueDay.minusNanos(1))).as("last instant of the due day").isFalse();
        assertThat(file.isOverdue(endOfDueDay.plusNanos(1))).as("just after the due day").isTrue();
        assertThat(file.isOverdue(endOfDueDay.plusSeconds(1))).as("a second after the due day").isTrue();
        assertThat(file.isOverdue(endOfDueDay.plus(Duration.ofDays(3)))).isTrue();
    }

    // ---- emergency, closure, reopening -----------------------------------------------------------------------

    @Test
    void an_emergency_makes_the_case_red_records_the_placement_and_schedules_from_the_declaration() {
        // given: a GREEN case without visits
        Story story = assessedStory(RiskLevel.GREEN);
        Instant declaredAt = Instant.parse("2026-03-08T18:00:00Z"); // 9 March, 02:00 in Shanghai

        // when
        story.add(emergency(Placement.RELATIVE, declaredAt), declaredAt);
        story.add(statusChanged(CASE_ID, CaseStatus.MONITORING, RiskLevel.RED),
                declaredAt);
        CaseFile file = story.file();

        // then
        assertThat(file.riskLevel()).isEqualTo(RiskLevel.RED);
        assertThat(file.status()).isEqualTo(CaseStatus.EMERGENCY);
        assertThat(file.placement()).isEqualTo(Placement.RELATIVE);
        assertThat(file.nextVisitDue()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(file.dueAt()).isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));
        assertThat(file.assessedAt()).isEqualTo(ASSESSED_AT);
    }

    @Test
    void an_emergency_on_a_fresh_report_schedules_the_first_visit_for_the_next_day() {
        // given
        Story story = new Story();
        story.add(registered(REPORTED_AT), REPORTED_AT);
        Instant declaredAt = REPORTED_AT.plus(Duration.ofHours(2));

        // when
        story.add(emergency(Placement.VILLAGE_COMMITTEE, declaredAt), declaredAt);
        story.add(statusChanged(CASE_ID, CaseStatus.REPORTED, RiskLevel.RED),
                declaredAt);
        CaseFile file = story.file();

        // then
        assertThat(file.status()).isEqualTo(CaseStatus.EMERGENCY);
        assertThat(file.riskLevel()).isEqualTo(RiskLevel.RED);
        assertThat(file.placement()).isEqualTo(Placement.VILLAGE_COMMITTEE);
        assertThat(file.nextVisitDue()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(file.isOverdue(Instant.parse("2026-03-03T15:59:59Z"))).isFalse();
        assertThat(file.isOverdue(Instant.parse("2026-03-03T16:00:01Z"))).isTrue();
    }

    @Test
    void a_closure_request_sets_closure_requested_and_keeps_the_schedule() {
        // given
        Story story = assessedStory(RiskLevel.GREEN);
        story.add(visit(LocalDate.of(2026, 3, 10)), Instant.parse("2026-03-10T06:00:00Z"));
        CaseFile file = story.file();

        // when
        file.apply(story.add(new ClosureRequested(CASE_ID, ClosureReason.PARENTS_RETURNED, "父亲已返乡", CASEWORKER,
                CaseStatus.MONITORING), Instant.parse("2026-03-11T06:00:00Z")));

        // then
        assertThat(file.status()).isEqualTo(CaseStatus.CLOSURE_REQUESTED);
        assertThat(file.riskLevel()).isEqualTo(RiskLevel.GREEN);
        assertThat(file.nextVisitDue()).isEqualTo(LocalDate.of(2026, 4, 9));
    }

    @Test
    void an_approved_closure_closes_the_case_with_nothing_due_and_never_overdue() {
        // given
        Story story = assessedStory(RiskLevel.YELLOW);
        story.add(visit(LocalDate.of(2026, 3, 10)), Instant.parse("2026-03-10T06:00:00Z"));
        story.add(new ClosureRequested(CASE_ID, ClosureReason.PARENTS_RETURNED, null, CASEWORKER,
                CaseStatus.UNDER_PROTECTION), Instant.parse("2026-03-11T06:00:00Z"));

        // when
        story.add(new ClosureApproved(CASE_ID, SUPERVISOR, CASEWORKER, "同意"), Instant.parse("2026-03-12T06:00:00Z"));
        CaseFile file = story.file();

        // then
        assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(file.nextVisitDue()).isNull();
        assertThat(file.assessmentDue()).isNull();
        assertThat(file.dueAt()).isNull();
        assertThat(file.isOverdue(Instant.parse("2026-03-30T00:00:00Z"))).isFalse();
        assertThat(file.isOverdue(Instant.parse("2099-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void a_rejected_closure_restores_the_status_named_in_the_rejection() {
        // given
        Story story = assessedStory(RiskLevel.YELLOW);
        story.add(new ClosureRequested(CASE_ID, ClosureReason.CHILD_JOINED_PARENTS, null, CASEWORKER,
                CaseStatus.UNDER_PROTECTION), Instant.parse("2026-03-11T06:00:00Z"));
        CaseFile file = story.file();
        assertThat(file.status()).isEqualTo(CaseStatus.CLOSURE_REQUESTED);

        // when
        file.apply(story.add(new ClosureRejected(CASE_ID, SUPERVISOR, "孩子仍未随父母生活", CaseStatus.UNDER_PROTECTION),
                Instant.parse("2026-03-12T06:00:00Z")));

        // then
        assertThat(file.status()).isEqualTo(CaseStatus.UNDER_PROTECTION);
        assertThat(file.riskLevel()).isEqualTo(RiskLevel.YELLOW);
        assertThat(file.nextVisitDue()).isEqualTo(LocalDate.of(2026, 3, 18));
    }

    @Test
    void a_reopened_case_is_reported_again_without_colour_and_needs_an_assessment_within_three_days() {
        // given: a closed case
        Story story = assessedStory(RiskLevel.GREEN);
        story.add(visit(LocalDate.of(2026, 3, 10)), Instant.parse("2026-03-10T06:00:00Z"));
        story.add(new ClosureRequested(CASE_ID, ClosureReason.PARENTS_RETURNED, null, CASEWORKER,
                CaseStatus.MONITORING), Instant.parse("2026-03-11T06:00:00Z"));
        story.add(new ClosureApproved(CASE_ID, SUPERVISOR, CASEWORKER, null), Instant.parse("2026-03-12T06:00:00Z"));
        Instant reopenedAt = Instant.parse("2026-06-01T08:00:00Z");

        // when
        story.add(new CaseReopened(CASE_ID, "父亲再次外出务工", reopenedAt), reopenedAt);
        CaseFile file = story.file();

        // then
        assertThat(file.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(file.riskLevel()).isNull();
        assertThat(file.assessmentDue()).isEqualTo(Instant.parse("2026-06-04T08:00:00Z"));
        assertThat(file.nextVisitDue()).isNull();
        assertThat(file.dueAt()).isEqualTo(Instant.parse("2026-06-04T08:00:00Z"));
        assertThat(file.isOverdue(Instant.parse("2026-06-04T08:00:00Z"))).isFalse();
        assertThat(file.isOverdue(Instant.parse("2026-06-04T08:00:01Z"))).isTrue();
        assertThat(file.firstAssessedAt()).isEqualTo(ASSESSED_AT);
    }

    // ---- transfer and assignment -----------------------------------------------------------------------------

    @Test
    void a_transfer_moves_the_case_to_the_new_village() {
        // given
        Story story = assessedStory(RiskLevel.GREEN);
        CaseFile file = story.file();

        // when
        file.apply(story.add(new CaseTransferred(CASE_ID, VILLAGE, OTHER_VILLAGE, "随祖母迁居"),
                Instant.parse("2026-03-15T06:00:00Z"), SUPERVISOR, UUID.randomUUID().toString()));

        // then
        assertThat(file.villageCode()).isEqualTo(OTHER_VILLAGE);
        assertThat(file.child().villageCode()).as("the child lives where the case now belongs").isEqualTo(OTHER_VILLAGE);
        assertThat(file.status()).isEqualTo(CaseStatus.MONITORING);
        assertThat(file.version()).isEqualTo(3);
    }

    @Test
    void an_assignment_changes_the_caseworker() {
        // given
        Story story = assessedStory(RiskLevel.GREEN);
        CaseFile file = story.file();

        // when
        file.apply(story.add(new CaseworkerAssigned(CASE_ID, "zhao.caseworker", CASEWORKER),
                Instant.parse("2026-03-15T06:00:00Z"), SUPERVISOR, UUID.randomUUID().toString()));

        // then
        assertThat(file.caseworker()).isEqualTo("zhao.caseworker");
    }

    // ---- guardian and interventions --------------------------------------------------------------------------

    @Test
    void an_entrusted_guardian_is_recorded() {
        // given
        Story story = assessedStory(RiskLevel.YELLOW);
        CaseFile file = story.file();

        // when
        DomainEventMessage<?> recorded = story.add(entrustedGuardian(), Instant.parse("2026-03-06T06:00:00Z"));
        file.apply(recorded);

        // then
        assertThat(file.guardian()).isEqualTo(new Guardian(Guardian.Kind.ENTRUSTED, "王秀英", Relationship.GRANDPARENT,
                62, GuardianCapacity.CAPABLE, true, "13800000000", recorded.getIdentifier()));
    }

    @Test
    void a_granted_court_decision_appoints_the_new_guardian_and_closes_its_intervention() {
        // given
        Story story = assessedStory(RiskLevel.ORANGE);
        story.add(entrustedGuardian(), Instant.parse("2026-03-06T06:00:00Z"));
        Instant filedAt = Instant.parse("2026-03-07T06:00:00Z");
        story.add(new GuardianshipInterventionFiled(CASE_ID, "iv-1", InterventionGrounds.ABUSE_OR_VIOLENCE,
                "义乌市人民法院", "监护人多次殴打"), filedAt, SUPERVISOR, UUID.randomUUID().toString());
        CaseFile file = story.file();
        assertThat(file.openInterventions()).containsExactly(new OpenIntervention("iv-1",
                InterventionGrounds.ABUSE_OR_VIOLENCE, "义乌市人民法院", filedAt));

        // when
        DomainEventMessage<?> decision = story.add(new CourtDecisionRecorded(CASE_ID, "iv-1", true,
                        new CourtAppointedGuardian("张建国", Relationship.OTHER_RELATIVE, 45), "撤销原监护资格"),
                Instant.parse("2026-04-07T06:00:00Z"), SUPERVISOR, UUID.randomUUID().toString());
        file.apply(decision);

        // then
        assertThat(file.guardian()).isEqualTo(new Guardian(Guardian.Kind.COURT_APPOINTED, "张建国",
                Relationship.OTHER_RELATIVE, 45, null, null, null, decision.getIdentifier()));
        assertThat(file.openInterventions()).isEmpty();
    }

    @Test
    void a_refused_court_decision_keeps_the_guardian_and_closes_only_its_intervention() {
        // given: two interventions before the courts
        Story story = assessedStory(RiskLevel.ORANGE);
        DomainEventMessage<?> entrusted = story.add(entrustedGuardian(), Instant.parse("2026-03-06T06:00:00Z"));
        story.add(new GuardianshipInterventionFiled(CASE_ID, "iv-1", InterventionGrounds.DANGER_AFTER_WARNING,
                "义乌市人民法院", "警告后仍有危险"), Instant.parse("2026-03-07T06:00:00Z"));
        Instant secondFiled = Instant.parse("2026-03-08T06:00:00Z");
        story.add(new GuardianshipInterventionFiled(CASE_ID, "iv-2", InterventionGrounds.ABANDONED_DUTY_6_MONTHS,
                "金华市中级人民法院", "六个月不履行监护职责"), secondFiled);
        CaseFile file = story.file();
        assertThat(file.openInterventions()).extracting(OpenIntervention::interventionId)
                .containsExactly("iv-1", "iv-2");

        // when
        file.apply(story.add(new CourtDecisionRecorded(CASE_ID, "iv-1", false, null, "证据不足"),
                Instant.parse("2026-04-07T06:00:00Z")));

        // then
        assertThat(file.guardian().kind()).isEqualTo(Guardian.Kind.ENTRUSTED);
        assertThat(file.guardian().name()).isEqualTo("王秀英");
        assertThat(file.guardian().eventId()).isEqualTo(entrusted.getIdentifier());
        assertThat(file.openInterventions()).containsExactly(new OpenIntervention("iv-2",
                InterventionGrounds.ABANDONED_DUTY_6_MONTHS, "金华市中级人民法院", secondFiled));
    }

    // ---- referrals -------------------------------------------------------------------------------------------

    @Test
    void a_referral_stays_open_with_its_last_outcome_while_ongoing() {
        // given
        Story story = assessedStory(RiskLevel.YELLOW);
        DomainEventMessage<?> referred = story.add(new ServiceReferred(CASE_ID, "ref-1", Service.PSYCHOSOCIAL,
                "县心理健康中心", "每周一次"), Instant.parse("2026-03-06T06:00:00Z"));
        CaseFile file = story.file();
        OpenReferral open = new OpenReferral("ref-1", Service.PSYCHOSOCIAL, "县心理健康中心", "每周一次", null,
                referred.getIdentifier());
        assertThat(file.openReferrals()).containsExactly(open);

        // when
        file.apply(story.add(new ReferralOutcomeRecorded(CASE_ID, "ref-1", ReferralOutcome.ONGOING, "已开始辅导"),
                Instant.parse("2026-03-13T06:00:00Z")));

        // then
        assertThat(file.openReferrals()).containsExactly(new OpenReferral("ref-1", Service.PSYCHOSOCIAL, "县心理健康中心",
                "每周一次", ReferralOutcome.ONGOING, referred.getIdentifier()));
    }

    @ParameterizedTest
    @EnumSource(value = ReferralOutcome.class, names = {"COMPLETED", "DECLINED", "UNREACHABLE"})
    void a_final_outcome_removes_only_that_referral(ReferralOutcome outcome) {
        // given: two open referrals, the first with progress recorded
        Story story = assessedStory(RiskLevel.YELLOW);
        story.add(new ServiceReferred(CASE_ID, "ref-1", Service.HEALTH, "乡卫生院", null),
                Instant.parse("2026-03-06T06:00:00Z"));
        DomainEventMessage<?> second = story.add(new ServiceReferred(CASE_ID, "ref-2", Service.EDUCATION, "红星小学",
                "课后托管"), Instant.parse("2026-03-06T07:00:00Z"));
        story.add(new ReferralOutcomeRecorded(CASE_ID, "ref-1", ReferralOutcome.ONGOING, null),
                Instant.parse("2026-03-08T06:00:00Z"));
        CaseFile file = story.file();

        // when
        file.apply(story.add(new ReferralOutcomeRecorded(CASE_ID, "ref-1", outcome, "结束"),
                Instant.parse("2026-03-20T06:00:00Z")));

        // then
        assertThat(file.openReferrals()).containsExactly(new OpenReferral("ref-2", Service.EDUCATION, "红星小学",
                "课后托管", null, second.getIdentifier()));
    }

    // ---- corrections -----------------------------------------------------------------------------------------

    @Test
    void every_correction_is_listed_with_its_author_and_time() {
        // given
        Story story = new Story();
        DomainEventMessage<?> registration = story.add(registered(REPORTED_AT), REPORTED_AT);
        DomainEventMessage<?> assessment = story.add(assessed(RiskLevel.GREEN, ASSESSED_AT), ASSESSED_AT);
        Instant firstAt = Instant.parse("2026-03-05T06:00:00Z");
        Instant secondAt = Instant.parse("2026-03-06T07:30:00Z");

        // when
        story.add(correction(registration, "child.name", "李晓红"), firstAt, SUPERVISOR, "corr-1");
        story.add(correction(assessment, "summary", "父母均不在身边"), secondAt, CASEWORKER, "corr-2");
        CaseFile file = story.file();

        // then
        assertThat(file.corrections()).containsExactly(
                new AppliedCorrection("corr-1", registration.getIdentifier(), "ChildRegistered", "child.name", "李晓红",
                        "登记错误", SUPERVISOR, firstAt),
                new AppliedCorrection("corr-2", assessment.getIdentifier(), "RiskAssessed", "summary", "父母均不在身边",
                        "登记错误", CASEWORKER, secondAt));
    }

    static Stream<Arguments> childCorrections() {
        return Stream.of(
                Arguments.of("child.name", "李晓红", new Child("李晓红", Sex.F, CHILD.dateOfBirth(), CHILD.idNumber(),
                        Hukou.RURAL, VILLAGE, "红星小学")),
                Arguments.of("child.sex", "M", new Child("李小红", Sex.M, CHILD.dateOfBirth(), CHILD.idNumber(),
                        Hukou.RURAL, VILLAGE, "红星小学")),
                Arguments.of("child.dateOfBirth", "2016-04-12", new Child("李小红", Sex.F, LocalDate.of(2016, 4, 12),
                        CHILD.idNumber(), Hukou.RURAL, VILLAGE, "红星小学")),
                Arguments.of("child.idNumber", "330782201604120024", new Child("李小红", Sex.F, CHILD.dateOfBirth(),
                        "330782201604120024", Hukou.RURAL, VILLAGE, "红星小学")),
                Arguments.of("child.idNumber", "", new Child("李小红", Sex.F, CHILD.dateOfBirth(), null, Hukou.RURAL,
                        VILLAGE, "红星小学")),
                Arguments.of("child.school", "城关第二小学", new Child("李小红", Sex.F, CHILD.dateOfBirth(),
                        CHILD.idNumber(), Hukou.RURAL, VILLAGE, "城关第二小学")),
                Arguments.of("child.school", "", new Child("李小红", Sex.F, CHILD.dateOfBirth(), CHILD.idNumber(),
                        Hukou.RURAL, VILLAGE, null)));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("childCorrections")
    void a_correction_of_the_child_shows_the_corrected_value(String field, String value, Child expected) {
        // given
        Story story = new Story();
        DomainEventMessage<?> registration = story.add(registered(REPORTED_AT), REPORTED_AT);
        CaseFile file = story.file();

        // when
        file.apply(story.add(correction(registration, field, value), Instant.parse("2026-03-03T06:00:00Z")));

        // then
        assertThat(file.child()).isEqualTo(expected);
        assertThat(file.corrections()).singleElement().extracting(AppliedCorrection::field).isEqualTo(field);
        assertThat(file.caregiver()).isEqualTo(CAREGIVER);
    }

    @Test
    void a_correction_of_the_caregiver_name_shows_the_corrected_name() {
        // given
        Story story = new Story();
        DomainEventMessage<?> registration = story.add(registered(REPORTED_AT), REPORTED_AT);
        CaseFile file = story.file();

        // when
        file.apply(story.add(correction(registration, "caregiver.name", "李桂英"), Instant.parse("2026-03-03T06:00:00Z")));

        // then
        assertThat(file.caregiver()).isEqualTo(new Caregiver("李桂英", Relationship.GRANDPARENT, 68,
                GuardianCapacity.LIMITED));
        assertThat(file.child()).isEqualTo(CHILD);
    }

    @Test
    void a_correction_of_the_current_guardian_shows_the_corrected_name_and_phone() {
        // given
        Story story = assessedStory(RiskLevel.YELLOW);
        DomainEventMessage<?> recorded = story.add(entrustedGuardian(), Instant.parse("2026-03-06T06:00:00Z"));
        CaseFile file = story.file();

        // when
        file.apply(story.add(correction(recorded, "name", "王秀珍"), Instant.parse("2026-03-07T06:00:00Z")));
        file.apply(story.add(correction(recorded, "phone", "13900000000"), Instant.parse("2026-03-07T06:01:00Z")));

        // then
        assertThat(file.guardian()).isEqualTo(new Guardian(Guardian.Kind.ENTRUSTED, "王秀珍", Relationship.GRANDPARENT,
                62, GuardianCapacity.CAPABLE, true, "13900000000", recorded.getIdentifier()));

        // and when the phone is corrected to blank
        file.apply(story.add(correction(recorded, "phone", ""), Instant.parse("2026-03-07T06:02:00Z")));

        // then it is cleared
        assertThat(file.guardian().phone()).isNull();
        assertThat(file.guardian().name()).isEqualTo("王秀珍");
        assertThat(file.corrections()).hasSize(3);
    }

    @Test
    void a_correction_of_the_court_appointed_guardian_shows_the_corrected_name() {
        // given
        Story story = assessedStory(RiskLevel.ORANGE);
        story.add(new GuardianshipInterventionFiled(CASE_ID, "iv-1", InterventionGrounds.ABUSE_OR_VIOLENCE,
                "义乌市人民法院", "监护人多次殴打"), Instant.parse("2026-03-07T06:00:00Z"));
        DomainEventMessage<?> decision = story.add(new CourtDecisionRecorded(CASE_ID, "iv-1", true,
                        new CourtAppointedGuardian("张建国", Relationship.OTHER_RELATIVE, 45), null),
                Instant.parse("2026-04-07T06:00:00Z"));
        CaseFile file = story.file();

        // when
        file.apply(story.add(correction(decision, "newGuardian.name", "张建军"), Instant.parse("2026-04-08T06:00:00Z")));

        // then
        assertThat(file.guardian().name()).isEqualTo("张建军");
        assertThat(file.guardian().kind()).isEqualTo(Guardian.Kind.COURT_APPOINTED);
    }

    @Test
    void a_corrected_visit_date_moves_the_last_visit_and_the_next_visit_due() {
        // given: YELLOW, visits on 10 and 20 March
        Story story = assessedStory(RiskLevel.YELLOW);
        DomainEventMessage<?> early = story.add(visit(LocalDate.of(2026, 3, 10)), Instant.parse("2026-03-10T06:00:00Z"));
        DomainEventMessage<?> late = story.add(visit(LocalDate.of(2026, 3, 20)), Instant.parse("2026-03-20T06:00:00Z"));
        CaseFile file = story.file();
        assertThat(file.nextVisitDue()).isEqualTo(LocalDate.of(2026, 4, 3));

        // when: the later visit really happened on 12 March
        file.apply(story.add(correction(late, "visitDate", "2026-03-12"), Instant.parse("2026-03-21T06:00:00Z")));

        // then
        assertThat(file.lastVisitAt()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(file.nextVisitDue()).isEqualTo(LocalDate.of(2026, 3, 26));

        // and when the other visit is corrected to the 15th, it becomes the last one
        file.apply(story.add(correction(early, "visitDate", "2026-03-15"), Instant.parse("2026-03-21T07:00:00Z")));
        assertThat(file.lastVisitAt()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(file.nextVisitDue()).isEqualTo(LocalDate.of(2026, 3, 29));
    }

    @Test
    void a_correction_of_an_open_referral_shows_the_corrected_provider_and_note() {
        // given
        Story story = assessedStory(RiskLevel.YELLOW);
        DomainEventMessage<?> referred = story.add(new ServiceReferred(CASE_ID, "ref-1", Service.LEGAL_AID,
                "县法律援助中心", "咨询监护问题"), Instant.parse("2026-03-06T06:00:00Z"));
        CaseFile file = story.file();

        // when
        file.apply(story.add(correction(referred, "provider", "市法律援助中心"), Instant.parse("2026-03-07T06:00:00Z")));
        file.apply(story.add(correction(referred, "note", "咨询撤销监护资格"), Instant.parse("2026-03-07T06:01:00Z")));

        // then
        assertThat(file.openReferrals()).containsExactly(new OpenReferral("ref-1", Service.LEGAL_AID, "市法律援助中心",
                "咨询撤销监护资格", null, referred.getIdentifier()));

        // and when the note is corrected to blank it is cleared
        file.apply(story.add(correction(referred, "note", ""), Instant.parse("2026-03-07T06:02:00Z")));
        assertThat(file.openReferrals()).singleElement().extracting(OpenReferral::note).isNull();
    }

    @Test
    void a_correction_of_something_the_file_does_not_show_is_only_listed() throws Exception {
        // given: an assessment, a guardian since replaced by the court, and a closed referral
        Story story = new Story();
        DomainEventMessage<?> registration = story.add(registered(REPORTED_AT), REPORTED_AT);
        DomainEventMessage<?> assessment = story.add(assessed(RiskLevel.ORANGE, ASSESSED_AT), ASSESSED_AT);
        story.add(statusChanged(CASE_ID, CaseStatus.REPORTED, RiskLevel.ORANGE), ASSESSED_AT);
        DomainEventMessage<?> entrusted = story.add(entrustedGuardian(), Instant.parse("2026-03-06T06:00:00Z"));
        story.add(new GuardianshipInterventionFiled(CASE_ID, "iv-1", InterventionGrounds.ABUSE_OR_VIOLENCE,
                "义乌市人民法院", "监护人多次殴打"), Instant.parse("2026-03-07T06:00:00Z"));
        story.add(new CourtDecisionRecorded(CASE_ID, "iv-1", true,
                new CourtAppointedGuardian("张建国", Relationship.OTHER_RELATIVE, 45), null),
                Instant.parse("2026-04-07T06:00:00Z"));
        DomainEventMessage<?> referred = story.add(new ServiceReferred(CASE_ID, "ref-1", Service.HEALTH, "乡卫生院",
                null), Instant.parse("2026-04-08T06:00:00Z"));
        story.add(new ReferralOutcomeRecorded(CASE_ID, "ref-1", ReferralOutcome.COMPLETED, null),
                Instant.parse("2026-04-09T06:00:00Z"));
        CaseFile file = story.file();
        JsonNode before = jsonWithout(file, "version", "corrections");

        // when
        file.apply(story.add(correction(assessment, "summary", "父母均不在身边"), Instant.parse("2026-04-10T06:00:00Z")));
        file.apply(story.add(correction(registration, "report.description", "孩子独自在家"),
                Instant.parse("2026-04-10T06:01:00Z")));
        file.apply(story.add(correction(entrusted, "name", "王秀珍"), Instant.parse("2026-04-10T06:02:00Z")));
        file.apply(story.add(correction(referred, "provider", "县人民医院"), Instant.parse("2026-04-10T06:03:00Z")));

        // then
        assertThat(jsonWithout(file, "version", "corrections")).isEqualTo(before);
        assertThat(file.guardian().name()).isEqualTo("张建国");
        assertThat(file.corrections()).extracting(AppliedCorrection::eventId).containsExactly(
                assessment.getIdentifier(), registration.getIdentifier(), entrusted.getIdentifier(),
                referred.getIdentifier());
        assertThat(file.version()).isEqualTo(story.events().size() - 1);
    }

    // ---- idempotence and version -----------------------------------------------------------------------------

    @Test
    void an_event_at_or_below_the_version_is_ignored_and_changes_nothing() throws Exception {
        // given
        Story story = assessedStory(RiskLevel.GREEN);
        story.add(visit(LocalDate.of(2026, 3, 10)), Instant.parse("2026-03-10T06:00:00Z"));
        story.add(new ServiceReferred(CASE_ID, "ref-1", Service.HEALTH, "乡卫生院", null),
                Instant.parse("2026-03-11T06:00:00Z"));
        CaseFile file = story.file();
        String before = json(file);
        long version = file.version();

        // when: redelivered events, and strangers carrying old sequence numbers
        boolean redeliveredLast = file.apply(story.events().get(story.events().size() - 1));
        boolean redeliveredFirst = file.apply(story.events().get(0));
        boolean sameSequence = file.apply(Story.stray(version,
                new CaseTransferred(CASE_ID, VILLAGE, OTHER_VILLAGE, "迁居"), Instant.parse("2026-03-12T06:00:00Z")));
        boolean lowerSequence = file.apply(Story.stray(1,
                new ReferralOutcomeRecorded(CASE_ID, "ref-1", ReferralOutcome.COMPLETED, null),
                Instant.parse("2026-03-12T06:00:00Z")));

        // then
        assertThat(List.of(redeliveredLast, redeliveredFirst, sameSequence, lowerSequence)).containsOnly(false);
        assertThat(json(file)).isEqualTo(before);
        assertThat(file.version()).isEqualTo(version);
        assertThat(file.villageCode()).isEqualTo(VILLAGE);
        assertThat(file.openReferrals()).hasSize(1);
    }

    @Test
    void the_version_follows_the_last_applied_sequence() {
        // given
        Story story = assessedStory(RiskLevel.GREEN);
        CaseFile file = new CaseFile();
        assertThat(file.exists()).isFalse();

        // when / then
        for (DomainEventMessage<?> event : story.events()) {
            assertThat(file.apply(event)).isTrue();
            assertThat(file.version()).isEqualTo(event.getSequenceNumber());
        }
        assertThat(file.apply(Story.stray(3, new CaseTransferred(CASE_ID, VILLAGE, OTHER_VILLAGE, "迁居"),
                Instant.parse("2026-03-12T06:00:00Z")))).isTrue();
        assertThat(file.version()).isEqualTo(3);
        assertThat(file.villageCode()).isEqualTo(OTHER_VILLAGE);
        assertThat(CaseFile.of(story.events()).version()).isEqualTo(2);
    }

    @Test
    void police_notification_and_parental_contact_only_move_the_version() throws Exception {
        // given
        Story story = assessedStory(RiskLevel.YELLOW);
        story.add(visit(LocalDate.of(2026, 3, 10)), Instant.parse("2026-03-10T06:00:00Z"));
        CaseFile file = story.file();
        JsonNode before = jsonWithout(file, "version");

        // when
        boolean police = file.apply(story.add(new PoliceNotified(CASE_ID,
                List.of(MandatoryReportingTrigger.SUSPECTED_DOMESTIC_VIOLENCE)), Instant.parse("2026-03-11T06:00:00Z")));
        long afterPolice = file.version();
        boolean contact = file.apply(story.add(new ParentalContactRecorded(CASE_ID, LocalDate.of(2026, 3, 12),
                ParentRole.MOTHER, ContactChannel.VIDEO), Instant.parse("2026-03-12T06:00:00Z")));

        // then
        assertThat(police).isTrue();
        assertThat(contact).isTrue();
        assertThat(afterPolice).isEqualTo(4);
        assertThat(file.version()).isEqualTo(5);
        assertThat(jsonWithout(file, "version")).isEqualTo(before);
    }

    // ---- JSON ------------------------------------------------------------------------------------------------

    /** A case with some of everything the file can hold. */
    private static Story fullStory() {
        Story story = new Story();
        DomainEventMessage<?> registration = story.add(
                registered(REPORTED_AT, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING), REPORTED_AT);
        story.add(new PoliceNotified(CASE_ID, List.of(MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING)), REPORTED_AT);
        story.add(assessed(RiskLevel.ORANGE, ASSESSED_AT), ASSESSED_AT);
        story.add(statusChanged(CASE_ID, CaseStatus.REPORTED, RiskLevel.ORANGE), ASSESSED_AT);
        story.add(new CaseworkerAssigned(CASE_ID, "zhao.caseworker", CASEWORKER), Instant.parse("2026-03-04T06:00:00Z"),
                SUPERVISOR, UUID.randomUUID().toString());
        story.add(entrustedGuardian(), Instant.parse("2026-03-05T06:00:00Z"));
        story.add(visit(LocalDate.of(2026, 3, 6)), Instant.parse("2026-03-06T06:00:00Z"));
        story.add(visit(LocalDate.of(2026, 3, 9)), Instant.parse("2026-03-09T06:00:00Z"));
        story.add(new ParentalContactRecorded(CASE_ID, LocalDate.of(2026, 3, 9), ParentRole.FATHER,
                ContactChannel.PHONE), Instant.parse("2026-03-09T07:00:00Z"));
        story.add(new ServiceReferred(CASE_ID, "ref-1", Service.PSYCHOSOCIAL, "县心理健康中心", "每周一次"),
                Instant.parse("2026-03-10T06:00:00Z"));
        story.add(new ServiceReferred(CASE_ID, "ref-2", Service.EDUCATION, "红星小学", null),
                Instant.parse("2026-03-10T06:10:00Z"));
        story.add(new ReferralOutcomeRecorded(CASE_ID, "ref-1", ReferralOutcome.ONGOING, "已开始"),
                Instant.parse("2026-03-11T06:00:00Z"));
        story.add(new GuardianshipInterventionFiled(CASE_ID, "iv-1", InterventionGrounds.ABUSE_OR_VIOLENCE,
                "义乌市人民法院", "监护人多次殴打"), Instant.parse("2026-03-12T06:00:00Z"));
        Instant declaredAt = Instant.parse("2026-03-12T20:00:00Z");
        story.add(emergency(Placement.RELIEF_STATION, declaredAt), declaredAt);
        story.add(statusChanged(CASE_ID, CaseStatus.UNDER_PROTECTION, RiskLevel.RED), declaredAt);
        story.add(correction(registration, "child.name", "李晓红"), Instant.parse("2026-03-13T06:00:00Z"),
                SUPERVISOR, "corr-1");
        story.add(new CaseTransferred(CASE_ID, VILLAGE, OTHER_VILLAGE, "随祖母迁居"),
                Instant.parse("2026-03-14T06:00:00Z"));
        return story;
    }

    @Test
    void a_file_written_as_json_and_read_back_gives_the_same_json() throws Exception {
        // given
        CaseFile file = fullStory().file();
        assertThat(file.guardian()).isNotNull();
        assertThat(file.openReferrals()).hasSize(2);
        assertThat(file.openInterventions()).hasSize(1);
        assertThat(file.corrections()).hasSize(1);
        assertThat(file.placement()).isEqualTo(Placement.RELIEF_STATION);
        assertThat(file.lastVisitAt()).isNotNull();
        assertThat(file.nextVisitDue()).isNotNull();
        String written = json(file);

        // when
        CaseFile read = EventJson.mapper().readValue(written, CaseFile.class);

        // then
        assertThat(json(read)).isEqualTo(written);
        assertThat(read.version()).isEqualTo(file.version());
        assertThat(read.child()).isEqualTo(file.child());
        assertThat(read.guardian()).isEqualTo(file.guardian());
        assertThat(read.openReferrals()).isEqualTo(file.openReferrals());
        assertThat(read.openInterventions()).isEqualTo(file.openInterventions());
        assertThat(read.corrections()).isEqualTo(file.corrections());
        assertThat(read.dueAt()).isEqualTo(file.dueAt());
        JsonNode tree = EventJson.mapper().readTree(written);
        assertThat(tree.get("reportedAt").asText()).isEqualTo("2026-03-02T02:00:00Z");
        assertThat(tree.get("nextVisitDue").asText()).isEqualTo(file.nextVisitDue().toString());
    }

    @Test
    void a_file_read_back_from_json_folds_further_events_like_the_original() throws Exception {
        // given: the projection stores the file, reads it back and applies the next event
        Story story = fullStory();
        CaseFile original = story.file();
        CaseFile read = EventJson.mapper().readValue(json(original), CaseFile.class);
        DomainEventMessage<?> registration = story.events().get(0);
        DomainEventMessage<?> lastVisit = story.events().get(7);
        DomainEventMessage<?> guardian = story.events().get(5);
        List<DomainEventMessage<?>> next = List.of(
                story.add(correction(registration, "child.school", ""), Instant.parse("2026-03-15T06:00:00Z")),
                story.add(correction(lastVisit, "visitDate", "2026-03-07"), Instant.parse("2026-03-15T06:01:00Z")),
                story.add(correction(guardian, "phone", "13911111111"), Instant.parse("2026-03-15T06:02:00Z")),
                story.add(new ReferralOutcomeRecorded(CASE_ID, "ref-2", ReferralOutcome.DECLINED, null),
                        Instant.parse("2026-03-15T06:03:00Z")));

        // when
        next.forEach(original::apply);
        next.forEach(read::apply);

        // then
        assertThat(json(read)).isEqualTo(json(original));
        assertThat(read.child().school()).isNull();
        assertThat(read.lastVisitAt()).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(read.guardian().phone()).isEqualTo("13911111111");
        assertThat(read.openReferrals()).extracting(OpenReferral::referralId).containsExactly("ref-1");
    }

    // ---- what a rebuild need not open ------------------------------------------------------------------------

    /** A rebuild hands these events over with their personal fields closed (docs/erasure.md): the file is the same. */
    @Test
    void the_events_whose_personal_fields_the_file_keeps_nothing_of_fold_the_same_with_those_fields_closed()
            throws Exception {
        Story story = assessedStory(RiskLevel.YELLOW);
        story.add(visit(LocalDate.of(2026, 3, 2)), Instant.parse("2026-03-02T02:00:00Z"));
        story.add(assessed(RiskLevel.ORANGE, Instant.parse("2026-03-03T02:00:00Z")), Instant.parse("2026-03-03T02:00:00Z"));
        CaseFile closed = new CaseFile();

        for (DomainEventMessage<?> message : story.events()) {
            Object payload = message.getPayload();
            if (CaseFile.keepsNoPersonalFieldOf(message.getPayloadType())) {
                payload = payload instanceof HomeVisitRecorded v
                        ? new HomeVisitRecorded(v.caseId(), v.visitDate(), v.visitorRole(), v.childSeen(), null,
                        v.concerns())
                        : withoutSummary((RiskAssessed) payload);
            }
            closed.apply(message, payload);
        }

        assertThat(json(closed)).isEqualTo(json(story.file()));
        assertThat(CaseFile.keepsNoPersonalFieldOf(ChildRegistered.class)).isFalse();
        assertThat(CaseFile.keepsNoPersonalFieldOf(ServiceReferred.class)).as("the file shows a referral's provider")
                .isFalse();
    }

    private static RiskAssessed withoutSummary(RiskAssessed assessed) {
        return new RiskAssessed(assessed.caseId(), assessed.riskLevel(), assessed.factors(), null,
                assessed.assessedAt());
    }
}
