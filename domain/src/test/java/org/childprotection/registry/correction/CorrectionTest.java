package org.childprotection.registry.correction;

import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.TestExecutor;
import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.childcase.ChildCase;
import org.childprotection.registry.childcase.ProtectionStatusChanged;
import org.childprotection.registry.contact.ContactChannel;
import org.childprotection.registry.contact.ParentRole;
import org.childprotection.registry.contact.ParentalContactRecorded;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.referral.ReferralOutcome;
import org.childprotection.registry.referral.ReferralOutcomeRecorded;
import org.childprotection.registry.registration.Child;
import org.childprotection.registry.visit.HomeVisitRecorded;
import org.childprotection.registry.visit.VisitorRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.childprotection.registry.childcase.CaseExamples.*;

class CorrectionTest extends CaseFixtureTest {

    private static final String REASON = "录入时笔误，按户口本更正。";
    private static final LocalDate VISIT_DATE = LocalDate.of(2026, 2, 10);
    private static final LocalDate CONTACT_DATE = LocalDate.of(2026, 2, 14);

    // sequence numbers of the events of history(...)
    private static final int REGISTERED = 0;
    private static final int ASSESSED = 1;
    private static final int STATUS_CHANGED = 2;
    private static final int VISITED = 3;
    private static final int CONTACTED = 4;
    private static final int GUARDIAN = 5;
    private static final int REFERRED = 6;
    private static final int REFERRAL_OUTCOME = 7;
    private static final int INTERVENTION = 8;
    private static final int COURT_DECISION = 9;
    private static final int UNAUTHORED_VISIT = 10;
    private static final int HISTORY_SIZE = 11;

    private List<String> eventIds;

    /** A monitored case with one record of every correctable kind, by various authors. */
    private static List<Object> history(Child child) {
        List<Object> history = new ArrayList<>();
        history.add(recordedBy(CASEWORKER, REGISTERED, childRegistered(child, father(), mother())));
        history.add(recordedBy(CASEWORKER, ASSESSED, riskAssessed(RiskLevel.GREEN)));
        history.add(new ProtectionStatusChanged(CASE_ID, CaseStatus.REPORTED, CaseStatus.MONITORING, RiskLevel.GREEN));
        history.add(recordedBy(OTHER_CASEWORKER, VISITED, new HomeVisitRecorded(CASE_ID, VISIT_DATE,
                VisitorRole.CASEWORKER, true, "孩子精神好，家中整洁。", List.of())));
        history.add(recordedBy(CASEWORKER, CONTACTED, new ParentalContactRecorded(CASE_ID, CONTACT_DATE,
                ParentRole.MOTHER, ContactChannel.PHONE)));
        history.add(recordedBy(CASEWORKER, GUARDIAN, guardianRecorded()));
        history.add(recordedBy(CASEWORKER, REFERRED, serviceReferred(REFERRAL_ID)));
        history.add(recordedBy(CASEWORKER, REFERRAL_OUTCOME, new ReferralOutcomeRecorded(CASE_ID, REFERRAL_ID,
                ReferralOutcome.ONGOING, "已开始辅导")));
        history.add(recordedBy(SUPERVISOR, INTERVENTION, interventionFiled(INTERVENTION_ID)));
        history.add(recordedBy(SUPERVISOR, COURT_DECISION, courtDecided(INTERVENTION_ID, false)));
        history.add(new HomeVisitRecorded(CASE_ID, VISIT_DATE, VisitorRole.VILLAGE_COMMITTEE, true, "村委会代为走访。",
                List.of()));
        assertThat(history).hasSize(HISTORY_SIZE);
        return history;
    }

    private static Child childWithoutIdNumber() {
        return childBornOn(DATE_OF_BIRTH, null);
    }

    /** Given the events, remembering the ids the fixture gave them. */
    private TestExecutor<ChildCase> given(List<Object> events) {
        TestExecutor<ChildCase> executor = fixture.given(events);
        eventIds = fixture.getEventStore().readEvents(CASE_ID).asStream().map(Message::getIdentifier).toList();
        assertThat(eventIds).hasSize(events.size()).doesNotHaveDuplicates();
        return executor;
    }

    private String id(int sequence) {
        return eventIds.get(sequence);
    }

    // ---- every correctable field ---------------------------------------------------------------------------

    static Stream<Arguments> correctableFields() {
        return Stream.of(
                Arguments.of(Correctable.CHILD_NAME, REGISTERED, " 王晓明 ", "王晓明"),
                Arguments.of(Correctable.CHILD_SEX, REGISTERED, "f", "F"),
                Arguments.of(Correctable.CHILD_DATE_OF_BIRTH, REGISTERED, " 2015-10-21", "2015-10-21"),
                Arguments.of(Correctable.CHILD_ID_NUMBER, REGISTERED, residentIdEndingInX(DATE_OF_BIRTH).toLowerCase(),
                        residentIdEndingInX(DATE_OF_BIRTH)),
                Arguments.of(Correctable.CHILD_SCHOOL, REGISTERED, "横车镇第二小学", "横车镇第二小学"),
                Arguments.of(Correctable.CAREGIVER_NAME, REGISTERED, "张桂芝", "张桂芝"),
                Arguments.of(Correctable.REPORT_DESCRIPTION, REGISTERED, "班主任反映孩子连续五天未到校。", "班主任反映孩子连续五天未到校。"),
                Arguments.of(Correctable.ASSESSMENT_SUMMARY, ASSESSED, "祖母年迈但能照料。", "祖母年迈但能照料。"),
                Arguments.of(Correctable.GUARDIAN_NAME, GUARDIAN, "王建华", "王建华"),
                Arguments.of(Correctable.GUARDIAN_PHONE, GUARDIAN, " ", ""),
                Arguments.of(Correctable.VISIT_DATE, VISITED, REPORT_DATE.toString(), "2026-02-02"),
                Arguments.of(Correctable.VISIT_VISITOR_ROLE, VISITED, "teacher", "TEACHER"),
                Arguments.of(Correctable.VISIT_CHILD_SEEN, VISITED, " false ", "false"),
                Arguments.of(Correctable.VISIT_OBSERVATIONS, VISITED, "孩子有些消瘦。", "孩子有些消瘦。"),
                Arguments.of(Correctable.CONTACT_DATE, CONTACTED, TODAY.toString(), "2026-03-01"),
                Arguments.of(Correctable.CONTACT_CHANNEL, CONTACTED, "Message", "MESSAGE"),
                Arguments.of(Correctable.REFERRAL_PROVIDER, REFERRED, "黄冈市心理援助热线", "黄冈市心理援助热线"),
                Arguments.of(Correctable.REFERRAL_NOTE, REFERRED, "每周一次", "每周一次"),
                Arguments.of(Correctable.REFERRAL_OUTCOME_NOTE, REFERRAL_OUTCOME, "", ""),
                Arguments.of(Correctable.INTERVENTION_COURT, INTERVENTION, "黄冈市中级人民法院", "黄冈市中级人民法院"),
                Arguments.of(Correctable.COURT_GUARDIAN_NAME, COURT_DECISION, "王秀兰", "王秀兰"));
    }

    @Test
    void the_examples_cover_every_correctable_field() {
        assertThat(correctableFields().map(arguments -> arguments.get()[0]).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder((Object[]) Correctable.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correctableFields")
    void a_supervisor_corrects_any_correctable_field(Correctable correctable, int sequence, String value,
                                                String recorded) {
        List<Object> history = history(childWithoutIdNumber());
        String eventType = ((Message<?>) history.get(sequence)).getPayloadType().getSimpleName();

        given(history)
                .when(correction(id(sequence), correctable.field(), value), supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RecordCorrected(CASE_ID, id(sequence), eventType, correctable.field(), recorded,
                        REASON))
                .expectResultMessagePayload((long) HISTORY_SIZE);
    }

    // ---- whose records --------------------------------------------------------------------------------------

    @Test
    void a_caseworker_corrects_their_own_record() {
        given(history(child()))
                .when(correction(id(REGISTERED), "child.name", "王晓明"), caseworker())
                .expectEvents(new RecordCorrected(CASE_ID, id(REGISTERED), "ChildRegistered", "child.name", "王晓明",
                        REASON))
                .expectResultMessagePayload((long) HISTORY_SIZE);
    }

    @Test
    void the_author_of_a_visit_corrects_it() {
        given(history(child()))
                .when(correction(id(VISITED), "observations", "孩子精神一般。"), otherCaseworker())
                .expectEvents(new RecordCorrected(CASE_ID, id(VISITED), "HomeVisitRecorded", "observations",
                        "孩子精神一般。", REASON))
                .expectResultMessagePayload((long) HISTORY_SIZE);
    }

    @Test
    void a_caseworker_may_not_correct_another_caseworkers_record() {
        given(history(child()))
                .when(correction(id(VISITED), "observations", "孩子精神一般。"), caseworker())
                .expectException(notPermitted("own-records-only"))
                .expectNoEvents();
    }

    @Test
    void a_caseworker_may_not_correct_a_record_without_author() {
        given(history(child()))
                .when(correction(id(UNAUTHORED_VISIT), "observations", "孩子精神一般。"), caseworker())
                .expectException(notPermitted("own-records-only"))
                .expectNoEvents();
    }

    @Test
    void a_yes_no_value_is_accepted_in_any_case_and_recorded_in_lower_case() {
        given(history(child()))
                .when(correction(id(UNAUTHORED_VISIT), "childSeen", " TRUE "), otherSupervisor())
                .expectEvents(new RecordCorrected(CASE_ID, id(UNAUTHORED_VISIT), "HomeVisitRecorded", "childSeen",
                        "true", REASON));
    }

    @Test
    void a_supervisor_corrects_a_record_without_author() {
        given(history(child()))
                .when(correction(id(UNAUTHORED_VISIT), "childSeen", "false"), otherSupervisor())
                .expectEvents(new RecordCorrected(CASE_ID, id(UNAUTHORED_VISIT), "HomeVisitRecorded", "childSeen",
                        "false", REASON))
                .expectResultMessagePayload((long) HISTORY_SIZE);
    }

    @Test
    void a_closed_case_can_be_corrected() {
        List<Object> closed = caseIn(CaseStatus.CLOSED);

        given(closed)
                .when(correction(id(REGISTERED), "child.school", "横车镇第二小学"), caseworker())
                .expectEvents(new RecordCorrected(CASE_ID, id(REGISTERED), "ChildRegistered", "child.school",
                        "横车镇第二小学", REASON))
                .expectResultMessagePayload((long) closed.size());
    }

    // ---- the command itself ----------------------------------------------------------------------------------

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void the_event_id_is_required(String eventId) {
        given(history(child()))
                .when(correction(eventId, "child.name", "王晓明"), caseworker())
                .expectException(invalidInput("required", "eventId"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void the_field_is_required(String field) {
        given(history(child()))
                .when(correction(id(REGISTERED), field, "王晓明"), caseworker())
                .expectException(invalidInput("required", "field"))
                .expectNoEvents();
    }

    @Test
    void the_value_is_required() {
        given(history(child()))
                .when(correction(id(REGISTERED), "child.school", null), caseworker())
                .expectException(invalidInput("required", "value"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void a_reason_is_required(String reason) {
        given(history(child()))
                .when(new CorrectRecord(CASE_ID, id(REGISTERED), "child.name", "王晓明", reason), caseworker())
                .expectException(invalidInput("required", "reason"))
                .expectNoEvents();
    }

    @Test
    void the_corrected_event_must_belong_to_the_case() {
        given(history(child()))
                .when(correction("3f1c9a2e-0000-4000-8000-000000000000", "child.name", "王晓明"), caseworker())
                .expectException(invalidInput("unknown-event", "eventId"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @CsvSource({
            "0, child.villageCode",
            "0, caseworker",
            "1, riskLevel",
            "3, concerns",
            "5, capacity",
    })
    void only_the_listed_fields_can_be_corrected(int sequence, String field) {
        given(history(child()))
                .when(correction(id(sequence), field, "x"), supervisor())
                .expectException(invalidInput("field-not-correctable", "field"))
                .expectExceptionMessage(containsString("correctable fields are:"))
                .expectNoEvents();
    }

    @Test
    void no_field_of_a_status_change_can_be_corrected() {
        given(history(child()))
                .when(correction(id(STATUS_CHANGED), "to", "CLOSED"), supervisor())
                .expectException(invalidInput("field-not-correctable", "field"))
                .expectExceptionMessage(containsString("no field of such a record"))
                .expectNoEvents();
    }

    @Test
    void a_correction_is_not_corrected_itself() {
        List<Object> corrected = history(child());
        corrected.add(new RecordCorrected(CASE_ID, "some-event", "ChildRegistered", "child.name", "王晓明", REASON));

        given(corrected)
                .when(correction(id(HISTORY_SIZE), "value", "王小明"), supervisor())
                .expectException(invalidInput("field-not-correctable", "field"))
                .expectNoEvents();
    }

    // ---- the form of the new value ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{1} = \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "0 | child.name          | '   '",
            "0 | child.sex           | X",
            "0 | child.sex           | ''",
            "0 | child.dateOfBirth   | 2015-02-30",
            "0 | child.dateOfBirth   | 12.09.2015",
            "0 | caregiver.name      | ''",
            "3 | visitDate           | yesterday",
            "3 | visitorRole         | DOCTOR",
            "3 | childSeen           | yes",
            "3 | childSeen           | ''",
            "4 | date                | 2026/02/14",
            "4 | channel             | EMAIL",
            "9 | newGuardian.name    | ' '",
    })
    void a_value_of_the_wrong_form_is_refused(int sequence, String field, String value) {
        given(history(childWithoutIdNumber()))
                .when(correction(id(sequence), field, value), supervisor())
                .expectException(invalidInput("correction-value", "value"))
                .expectNoEvents();
    }

    // ---- dates ---------------------------------------------------------------------------------------------

    @Test
    void a_birth_date_in_the_future_is_refused() {
        given(history(childWithoutIdNumber()))
                .when(correction(id(REGISTERED), "child.dateOfBirth", TODAY.plusDays(1).toString()), caseworker())
                .expectException(invalidInput("date-in-future", "value"))
                .expectNoEvents();
    }

    @Test
    void a_birth_date_after_the_report_is_refused() {
        given(history(childWithoutIdNumber()))
                .when(correction(id(REGISTERED), "child.dateOfBirth", REPORT_DATE.plusDays(1).toString()), caseworker())
                .expectException(invalidInput("date-before-birth", "value"))
                .expectNoEvents();
    }

    @Test
    void a_birth_date_on_the_report_date_is_accepted() {
        given(history(childWithoutIdNumber()))
                .when(correction(id(REGISTERED), "child.dateOfBirth", REPORT_DATE.toString()), caseworker())
                .expectEvents(new RecordCorrected(CASE_ID, id(REGISTERED), "ChildRegistered", "child.dateOfBirth",
                        "2026-02-02", REASON))
                .expectResultMessagePayload((long) HISTORY_SIZE);
    }

    @Test
    void a_birth_date_that_makes_the_child_sixteen_when_reported_is_refused() {
        given(history(childWithoutIdNumber()))
                .when(correction(id(REGISTERED), "child.dateOfBirth", REPORT_DATE.minusYears(16).toString()),
                        caseworker())
                .expectException(invalidInput("eligibility-age", "value"))
                .expectNoEvents();
    }

    @Test
    void a_birth_date_that_leaves_the_child_under_sixteen_when_reported_is_accepted() {
        LocalDate birth = REPORT_DATE.minusYears(16).plusDays(1);

        given(history(childWithoutIdNumber()))
                .when(correction(id(REGISTERED), "child.dateOfBirth", birth.toString()), caseworker())
                .expectEvents(new RecordCorrected(CASE_ID, id(REGISTERED), "ChildRegistered", "child.dateOfBirth",
                        "2010-02-03", REASON))
                .expectResultMessagePayload((long) HISTORY_SIZE);
    }

    @Test
    void a_birth_date_must_match_the_id_number_on_record() {
        given(history(child()))
                .when(correction(id(REGISTERED), "child.dateOfBirth", "2015-09-13"), caseworker())
                .expectException(invalidInput("resident-id-birth-date", "value"))
                .expectNoEvents();
    }

    @Test
    void once_the_id_number_is_cleared_the_birth_date_can_change() {
        List<Object> cleared = history(child());
        cleared.add(new RecordCorrected(CASE_ID, "registration", "ChildRegistered", "child.idNumber", "", REASON));

        given(cleared)
                .when(correction(id(REGISTERED), "child.dateOfBirth", "2015-09-13"), caseworker())
                .expectEvents(new RecordCorrected(CASE_ID, id(REGISTERED), "ChildRegistered", "child.dateOfBirth",
                        "2015-09-13", REASON))
                .expectResultMessagePayload((long) HISTORY_SIZE + 1);
    }

    @ParameterizedTest
    @CsvSource({"3, visitDate", "4, date"})
    void a_corrected_case_date_in_the_future_is_refused(int sequence, String field) {
        given(history(child()))
                .when(correction(id(sequence), field, TODAY.plusDays(1).toString()), supervisor())
                .expectException(invalidInput("date-in-future", "value"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @CsvSource({"3, visitDate", "4, date"})
    void a_corrected_case_date_before_the_report_is_refused(int sequence, String field) {
        given(history(child()))
                .when(correction(id(sequence), field, REPORT_DATE.minusDays(1).toString()), supervisor())
                .expectException(invalidInput("date-before-report", "value"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @CsvSource({"3, visitDate", "4, date"})
    void a_corrected_case_date_before_birth_is_refused(int sequence, String field) {
        given(history(child()))
                .when(correction(id(sequence), field, DATE_OF_BIRTH.minusDays(1).toString()), supervisor())
                .expectException(invalidInput("date-before-birth", "value"))
                .expectNoEvents();
    }

    @Test
    void case_dates_are_checked_against_the_corrected_birth_date() {
        List<Object> reborn = history(childWithoutIdNumber());
        reborn.add(new RecordCorrected(CASE_ID, "registration", "ChildRegistered", "child.dateOfBirth", "2026-01-20",
                REASON));

        given(reborn)
                .when(correction(id(VISITED), "visitDate", "2026-01-19"), supervisor())
                .expectException(invalidInput("date-before-birth", "value"))
                .expectNoEvents();
    }

    // ---- ID number -----------------------------------------------------------------------------------------

    @Test
    void a_blank_id_number_clears_it() {
        given(history(child()))
                .when(correction(id(REGISTERED), "child.idNumber", "  "), caseworker())
                .expectEvents(new RecordCorrected(CASE_ID, id(REGISTERED), "ChildRegistered", "child.idNumber", "",
                        REASON))
                .expectResultMessagePayload((long) HISTORY_SIZE);
    }

    @Test
    void a_new_id_number_with_a_wrong_check_character_is_refused() {
        given(history(child()))
                .when(correction(id(REGISTERED), "child.idNumber",
                        withWrongCheckCharacter(residentId("421126", DATE_OF_BIRTH, "456"))), caseworker())
                .expectException(invalidInput("resident-id-check", "value"))
                .expectNoEvents();
    }

    @Test
    void a_new_id_number_of_the_wrong_form_is_refused() {
        given(history(child()))
                .when(correction(id(REGISTERED), "child.idNumber", "42112620150912"), caseworker())
                .expectException(invalidInput("resident-id-format", "value"))
                .expectNoEvents();
    }

    @Test
    void a_new_id_number_must_match_the_birth_date() {
        given(history(child()))
                .when(correction(id(REGISTERED), "child.idNumber", residentId(DATE_OF_BIRTH.minusYears(1))),
                        caseworker())
                .expectException(invalidInput("resident-id-birth-date", "value"))
                .expectNoEvents();
    }

    @Test
    void a_new_id_number_is_checked_against_the_corrected_birth_date() {
        LocalDate corrected = LocalDate.of(2015, 10, 21);
        List<Object> reborn = history(childWithoutIdNumber());
        reborn.add(new RecordCorrected(CASE_ID, "registration", "ChildRegistered", "child.dateOfBirth",
                corrected.toString(), REASON));

        given(reborn)
                .when(correction(id(REGISTERED), "child.idNumber", residentId(DATE_OF_BIRTH)), caseworker())
                .expectException(invalidInput("resident-id-birth-date", "value"))
                .expectNoEvents();
        given(reborn)
                .when(correction(id(REGISTERED), "child.idNumber", residentId(corrected)), caseworker())
                .expectEvents(new RecordCorrected(CASE_ID, id(REGISTERED), "ChildRegistered", "child.idNumber",
                        residentId(corrected), REASON))
                .expectResultMessagePayload((long) HISTORY_SIZE + 1);
    }

    @Test
    void the_corrected_id_number_is_checked_when_the_birth_date_changes_again() {
        List<Object> withNewId = history(childWithoutIdNumber());
        withNewId.add(new RecordCorrected(CASE_ID, "registration", "ChildRegistered", "child.idNumber",
                residentId(DATE_OF_BIRTH), REASON));

        given(withNewId)
                .when(correction(id(REGISTERED), "child.dateOfBirth", "2015-10-21"), caseworker())
                .expectException(invalidInput("resident-id-birth-date", "value"))
                .expectNoEvents();
    }

    @Test
    void the_same_field_may_be_corrected_again() {
        List<Object> corrected = history(child());
        corrected.add(recordedBy(CASEWORKER, HISTORY_SIZE, new RecordCorrected(CASE_ID, "registration",
                "ChildRegistered", "child.name", "王晓明", REASON)));

        given(corrected)
                .when(correction(id(REGISTERED), "child.name", "王小鸣"), caseworker())
                .expectEvents(new RecordCorrected(CASE_ID, id(REGISTERED), "ChildRegistered", "child.name", "王小鸣",
                        REASON))
                .expectResultMessagePayload((long) HISTORY_SIZE + 1);
        assertThat(Arrays.asList(eventIds.get(REGISTERED), eventIds.get(HISTORY_SIZE))).doesNotHaveDuplicates();
    }
}
