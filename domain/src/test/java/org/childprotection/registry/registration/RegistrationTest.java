package org.childprotection.registry.registration;

import org.axonframework.messaging.MetaData;
import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.guardian.GuardianCapacity;
import org.childprotection.registry.guardian.Relationship;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.childprotection.registry.childcase.CaseExamples.*;

class RegistrationTest extends CaseFixtureTest {

    // ---- success ------------------------------------------------------------------------------------------

    @Test
    void registers_an_eligible_child_with_the_registering_caseworker_as_first_caseworker() {
        fixture.givenNoPriorActivity()
                .when(registerChild(), caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ChildRegistered(CASE_ID, child(), father(), mother(), caregiver(), report(), NOW,
                        CASEWORKER))
                .expectResultMessagePayload(0L);
    }

    @Test
    void a_supervisor_may_register_and_becomes_the_first_caseworker() {
        fixture.givenNoPriorActivity()
                .when(registerChild(), supervisor())
                .expectEvents(new ChildRegistered(CASE_ID, child(), father(), mother(), caregiver(), report(), NOW,
                        SUPERVISOR))
                .expectResultMessagePayload(0L);
    }

    @ParameterizedTest
    @EnumSource(MandatoryReportingTrigger.class)
    void a_single_mandatory_reporting_trigger_notifies_the_police(MandatoryReportingTrigger trigger) {
        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, child(), father(), mother(), caregiver(), report(trigger)),
                        caseworker())
                .expectEvents(
                        new ChildRegistered(CASE_ID, child(), father(), mother(), caregiver(), report(trigger), NOW,
                                CASEWORKER),
                        new PoliceNotified(CASE_ID, List.of(trigger)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void every_trigger_of_the_report_is_passed_to_the_police() {
        Report report = report(MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING,
                MandatoryReportingTrigger.SUSPECTED_INJURY_OR_HARM);

        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, child(), father(), mother(), caregiver(), report), caseworker())
                .expectEvents(
                        new ChildRegistered(CASE_ID, child(), father(), mother(), caregiver(), report, NOW, CASEWORKER),
                        new PoliceNotified(CASE_ID, List.of(MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING,
                                MandatoryReportingTrigger.SUSPECTED_INJURY_OR_HARM)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void missing_triggers_are_recorded_as_none() {
        Report withoutTriggers = new Report(ReportSource.VILLAGE_COMMITTEE, null, "村委会走访发现。");

        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, child(), father(), mother(), null, withoutTriggers), caseworker())
                .expectEvents(new ChildRegistered(CASE_ID, child(), father(), mother(), null,
                        new Report(ReportSource.VILLAGE_COMMITTEE, List.of(), "村委会走访发现。"), NOW, CASEWORKER))
                .expectResultMessagePayload(0L);
    }

    @Test
    void names_are_kept_exactly_as_given_and_the_id_number_is_normalised() {
        String idEndingInX = residentIdEndingInX(DATE_OF_BIRTH);
        Child asTyped = new Child("阿依古丽·买买提", Sex.F, DATE_OF_BIRTH, "  " + idEndingInX.toLowerCase() + " ",
                Hukou.RURAL, VILLAGE_CODE, null);
        Child asStored = new Child("阿依古丽·买买提", Sex.F, DATE_OF_BIRTH, idEndingInX, Hukou.RURAL, VILLAGE_CODE, null);

        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, asTyped, father(), mother(), caregiver(), report()), caseworker())
                .expectEvents(new ChildRegistered(CASE_ID, asStored, father(), mother(), caregiver(), report(), NOW,
                        CASEWORKER))
                .expectResultMessagePayload(0L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void a_blank_id_number_is_recorded_as_none(String blank) {
        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, childBornOn(DATE_OF_BIRTH, blank), father(), mother(), caregiver(),
                        report()), caseworker())
                .expectEvents(new ChildRegistered(CASE_ID, childBornOn(DATE_OF_BIRTH, null), father(), mother(),
                        caregiver(), report(), NOW, CASEWORKER))
                .expectResultMessagePayload(0L);
    }

    @Test
    void a_child_born_today_can_be_registered() {
        Child newborn = childBornOn(TODAY, residentId(TODAY));

        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, newborn, father(), mother(), caregiver(), report()), caseworker())
                .expectEvents(new ChildRegistered(CASE_ID, newborn, father(), mother(), caregiver(), report(), NOW,
                        CASEWORKER))
                .expectResultMessagePayload(0L);
    }

    @Test
    void a_child_the_day_before_the_sixteenth_birthday_can_be_registered() {
        LocalDate birth = TODAY.minusYears(16).plusDays(1);
        Child child = childBornOn(birth, residentId(birth));

        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, child, father(), mother(), caregiver(), report()), caseworker())
                .expectEvents(new ChildRegistered(CASE_ID, child, father(), mother(), caregiver(), report(), NOW,
                        CASEWORKER))
                .expectResultMessagePayload(0L);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 120})
    void a_caregiver_age_at_the_limits_is_accepted(int age) {
        Caregiver caregiver = new Caregiver("李奶奶", Relationship.NEIGHBOUR, age, GuardianCapacity.CAPABLE);

        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, child(), father(), mother(), caregiver, report()), caseworker())
                .expectEvents(new ChildRegistered(CASE_ID, child(), father(), mother(), caregiver, report(), NOW,
                        CASEWORKER))
                .expectResultMessagePayload(0L);
    }

    // ---- who may register -------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("unauthenticated")
    void a_command_without_an_authenticated_actor_is_refused(Map<String, ?> metadata) {
        fixture.givenNoPriorActivity()
                .when(registerChild(), metadata)
                .expectException(notPermitted("authenticated-actor"))
                .expectNoEvents();
    }

    static Stream<Map<String, ?>> unauthenticated() {
        return Stream.of(
                MetaData.emptyInstance(),
                MetaData.with("actor", CASEWORKER),
                MetaData.with("role", "CASEWORKER"),
                MetaData.with("actor", " ").and("role", "CASEWORKER"),
                MetaData.with("actor", CASEWORKER).and("role", "ADMIN"));
    }

    @Test
    void a_command_without_any_metadata_is_refused() {
        fixture.givenNoPriorActivity()
                .when(registerChild())
                .expectException(notPermitted("authenticated-actor"))
                .expectNoEvents();
    }

    // ---- required fields ----------------------------------------------------------------------------------

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void the_case_id_is_required(String caseId) {
        fixture.givenNoPriorActivity()
                .when(new RegisterChild(caseId, child(), father(), mother(), caregiver(), report()), caseworker())
                .expectException(invalidInput("required", "caseId"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingFields")
    void required_fields_are_checked(String field, RegisterChild command) {
        fixture.givenNoPriorActivity()
                .when(command, caseworker())
                .expectException(invalidInput("required", field))
                .expectNoEvents();
    }

    @Test
    void every_missing_or_malformed_field_is_named_at_once() {
        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, child().withName(" ").withVillageCode("1101"), null,
                        new Parent(null, null), new Caregiver("王建国", null, 121, GuardianCapacity.CAPABLE),
                        new Report(null, null, "")), caseworker())
                .expectException(invalidFields("child.name", "child.villageCode", "father", "mother.status",
                        "caregiver.relationship", "caregiver.age", "report.source", "report.description"))
                .expectNoEvents();
    }

    static Stream<Arguments> missingFields() {
        Child c = child();
        return Stream.of(
                missing("child", new RegisterChild(CASE_ID, null, father(), mother(), caregiver(), report())),
                missing("child.name", withChild(c.withName(null))),
                missing("child.name", withChild(c.withName("  "))),
                missing("child.sex", withChild(c.withSex(null))),
                missing("child.dateOfBirth", withChild(c.withDateOfBirth(null).withIdNumber(null))),
                missing("child.hukou", withChild(c.withHukou(null))),
                missing("father", new RegisterChild(CASE_ID, c, null, mother(), caregiver(), report())),
                missing("father.status", new RegisterChild(CASE_ID, c, new Parent(null, "深圳"), mother(),
                        caregiver(), report())),
                missing("mother", new RegisterChild(CASE_ID, c, father(), null, caregiver(), report())),
                missing("mother.status", new RegisterChild(CASE_ID, c, father(), new Parent(null, "义乌"),
                        caregiver(), report())),
                missing("caregiver.name", withCaregiver(new Caregiver(" ", Relationship.GRANDPARENT, 70,
                        GuardianCapacity.CAPABLE))),
                missing("caregiver.relationship", withCaregiver(new Caregiver("张桂兰", null, 70,
                        GuardianCapacity.CAPABLE))),
                missing("caregiver.capacity", withCaregiver(new Caregiver("张桂兰", Relationship.GRANDPARENT, 70,
                        null))),
                missing("caregiver.age", withCaregiver(new Caregiver("张桂兰", Relationship.GRANDPARENT, null,
                        GuardianCapacity.CAPABLE))),
                missing("report", new RegisterChild(CASE_ID, c, father(), mother(), caregiver(), null)),
                missing("report.source", withReport(new Report(null, List.of(), "孩子独自在家。"))),
                missing("report.description", withReport(new Report(ReportSource.SCHOOL, List.of(), " "))),
                missing("report.description", withReport(new Report(ReportSource.SCHOOL, List.of(), null))),
                missing("report.triggers", withReport(new Report(ReportSource.SCHOOL,
                        Arrays.asList(MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING, null), "孩子独自在家。"))));
    }

    private static Arguments missing(String field, RegisterChild command) {
        return Arguments.of(field, command);
    }

    private static RegisterChild withChild(Child child) {
        return new RegisterChild(CASE_ID, child, father(), mother(), caregiver(), report());
    }

    private static RegisterChild withCaregiver(Caregiver caregiver) {
        return new RegisterChild(CASE_ID, child(), father(), mother(), caregiver, report());
    }

    private static RegisterChild withReport(Report report) {
        return new RegisterChild(CASE_ID, child(), father(), mother(), caregiver(), report);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 121})
    void a_caregiver_age_outside_zero_to_120_is_refused(int age) {
        fixture.givenNoPriorActivity()
                .when(withCaregiver(new Caregiver("张桂兰", Relationship.GRANDPARENT, age, GuardianCapacity.CAPABLE)),
                        caseworker())
                .expectException(invalidInput("age", "caregiver.age"))
                .expectNoEvents();
    }

    // ---- village code and ID number -----------------------------------------------------------------------

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"42112610420", "4211261042011", "42112610420A", "4211-2610420", "４２１１２６１０４２０１"})
    void the_village_code_must_be_twelve_digits(String code) {
        Child c = child();
        fixture.givenNoPriorActivity()
                .when(withChild(c.withVillageCode(code)), caseworker())
                .expectException(invalidInput("village-code", "child.villageCode"))
                .expectNoEvents();
    }

    @Test
    void an_id_number_of_the_wrong_form_is_refused() {
        fixture.givenNoPriorActivity()
                .when(withChild(childBornOn(DATE_OF_BIRTH, residentId(DATE_OF_BIRTH).substring(0, 17))), caseworker())
                .expectException(invalidInput("resident-id-format", "child.idNumber"))
                .expectNoEvents();
    }

    @Test
    void an_id_number_with_a_wrong_check_character_is_refused() {
        fixture.givenNoPriorActivity()
                .when(withChild(childBornOn(DATE_OF_BIRTH, withWrongCheckCharacter(residentId(DATE_OF_BIRTH)))),
                        caseworker())
                .expectException(invalidInput("resident-id-check", "child.idNumber"))
                .expectNoEvents();
    }

    @Test
    void an_id_number_of_another_birth_date_is_refused() {
        fixture.givenNoPriorActivity()
                .when(withChild(childBornOn(DATE_OF_BIRTH, residentId(DATE_OF_BIRTH.plusDays(1)))), caseworker())
                .expectException(invalidInput("resident-id-birth-date", "child.idNumber"))
                .expectNoEvents();
    }

    // ---- dates and eligibility -----------------------------------------------------------------------------

    @Test
    void a_date_of_birth_in_the_future_is_refused() {
        fixture.givenNoPriorActivity()
                .when(withChild(childBornOn(TODAY.plusDays(1), null)), caseworker())
                .expectException(invalidInput("date-in-future", "child.dateOfBirth"))
                .expectNoEvents();
    }

    @Test
    void a_child_on_the_sixteenth_birthday_is_not_eligible() {
        LocalDate birth = TODAY.minusYears(16);

        fixture.givenNoPriorActivity()
                .when(withChild(childBornOn(birth, residentId(birth))), caseworker())
                .expectException(invalidInput("eligibility-age", "child.dateOfBirth"))
                .expectNoEvents();
    }

    @Test
    void today_is_the_date_in_china_not_in_utc() {
        // 00:30 on 1 March 2026 in Shanghai is still 28 February in UTC
        fixture.givenCurrentTime(Instant.parse("2026-02-28T16:30:00Z"));
        LocalDate sixteenOnFirstMarch = LocalDate.of(2010, 3, 1);

        fixture.givenNoPriorActivity()
                .when(withChild(childBornOn(sixteenOnFirstMarch, null)), caseworker())
                .expectException(invalidInput("eligibility-age", "child.dateOfBirth"))
                .expectNoEvents();
    }

    @Test
    void an_urban_household_registration_is_not_eligible() {
        Child c = child();
        fixture.givenNoPriorActivity()
                .when(withChild(c.withHukou(Hukou.URBAN)), caseworker())
                .expectException(invalidInput("eligibility-hukou", "child.hukou"))
                .expectNoEvents();
    }

    @Test
    void a_child_with_a_parent_at_home_is_not_left_behind() {
        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, child(), father(), new Parent(ParentStatus.AT_HOME, null),
                        caregiver(), report()), caseworker())
                .expectException(invalidInput("eligibility-parents", "mother.status"))
                .expectNoEvents();
    }

    @Test
    void one_migrated_parent_and_one_deceased_is_eligible() {
        Parent deceased = new Parent(ParentStatus.DECEASED, null);

        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, child(), deceased, mother(), caregiver(), report()), caseworker())
                .expectEvents(new ChildRegistered(CASE_ID, child(), deceased, mother(), caregiver(), report(), NOW,
                        CASEWORKER))
                .expectResultMessagePayload(0L);
    }
}
