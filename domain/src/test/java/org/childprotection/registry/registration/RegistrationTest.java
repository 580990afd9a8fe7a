package org.childprotection.registry.registration;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.childprotection.registry.childcase.ChildCase;
import org.childprotection.registry.kernel.Role;
import org.childprotection.registry.guardian.GuardianCapacity;
import org.childprotection.registry.guardian.Relationship;
import org.junit.jupiter.api.BeforeEach;
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

class RegistrationTest {

    private AggregateTestFixture<ChildCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.givenCurrentTime(NOW);
    }

    // ---- success ------------------------------------------------------------------------------------------

    @Test
    void registersAnEligibleChildWithTheRegisteringCaseworkerAsFirstCaseworker() {
        fixture.givenNoPriorActivity()
                .when(registerChild(), caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ChildRegistered(CASE_ID, child(), father(), mother(), caregiver(), report(), NOW,
                        CASEWORKER))
                .expectResultMessagePayload(0L);
    }

    @Test
    void aSupervisorMayRegisterAndBecomesTheFirstCaseworker() {
        fixture.givenNoPriorActivity()
                .when(registerChild(), supervisor())
                .expectEvents(new ChildRegistered(CASE_ID, child(), father(), mother(), caregiver(), report(), NOW,
                        SUPERVISOR))
                .expectResultMessagePayload(0L);
    }

    @ParameterizedTest
    @EnumSource(MandatoryReportingTrigger.class)
    void aSingleMandatoryReportingTriggerNotifiesThePolice(MandatoryReportingTrigger trigger) {
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
    void everyTriggerOfTheReportIsPassedToThePolice() {
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
    void missingTriggersAreRecordedAsNone() {
        Report withoutTriggers = new Report(ReportSource.VILLAGE_COMMITTEE, null, "村委会走访发现。");

        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, child(), father(), mother(), null, withoutTriggers), caseworker())
                .expectEvents(new ChildRegistered(CASE_ID, child(), father(), mother(), null,
                        new Report(ReportSource.VILLAGE_COMMITTEE, List.of(), "村委会走访发现。"), NOW, CASEWORKER))
                .expectResultMessagePayload(0L);
    }

    @Test
    void namesAreKeptExactlyAsGivenAndTheIdNumberIsNormalised() {
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
    void aBlankIdNumberIsRecordedAsNone(String blank) {
        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, childBornOn(DATE_OF_BIRTH, blank), father(), mother(), caregiver(),
                        report()), caseworker())
                .expectEvents(new ChildRegistered(CASE_ID, childBornOn(DATE_OF_BIRTH, null), father(), mother(),
                        caregiver(), report(), NOW, CASEWORKER))
                .expectResultMessagePayload(0L);
    }

    @Test
    void aChildBornTodayCanBeRegistered() {
        Child newborn = childBornOn(TODAY, residentId(TODAY));

        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, newborn, father(), mother(), caregiver(), report()), caseworker())
                .expectEvents(new ChildRegistered(CASE_ID, newborn, father(), mother(), caregiver(), report(), NOW,
                        CASEWORKER))
                .expectResultMessagePayload(0L);
    }

    @Test
    void aChildTheDayBeforeTheSixteenthBirthdayCanBeRegistered() {
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
    void aCaregiverAgeAtTheLimitsIsAccepted(int age) {
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
    void aCommandWithoutAnAuthenticatedActorIsRefused(Map<String, ?> metadata) {
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
    void aCommandWithoutAnyMetadataIsRefused() {
        fixture.givenNoPriorActivity()
                .when(registerChild())
                .expectException(notPermitted("authenticated-actor"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OVERSIGHT", "MAINTAINER"})
    void readOnlyRolesMayNotRegister(Role role) {
        fixture.givenNoPriorActivity()
                .when(registerChild(), as(role))
                .expectException(notPermitted("role"))
                .expectNoEvents();
    }

    // ---- required fields ----------------------------------------------------------------------------------

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void theCaseIdIsRequired(String caseId) {
        fixture.givenNoPriorActivity()
                .when(new RegisterChild(caseId, child(), father(), mother(), caregiver(), report()), caseworker())
                .expectException(invalidInput("required", "caseId"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingFields")
    void requiredFieldsAreChecked(String field, RegisterChild command) {
        fixture.givenNoPriorActivity()
                .when(command, caseworker())
                .expectException(invalidInput("required", field))
                .expectNoEvents();
    }

    static Stream<Arguments> missingFields() {
        Child c = child();
        return Stream.of(
                missing("child", new RegisterChild(CASE_ID, null, father(), mother(), caregiver(), report())),
                missing("child.name", withChild(new Child(null, c.sex(), c.dateOfBirth(), c.idNumber(), c.hukou(),
                        c.villageCode(), c.school()))),
                missing("child.name", withChild(new Child("  ", c.sex(), c.dateOfBirth(), c.idNumber(), c.hukou(),
                        c.villageCode(), c.school()))),
                missing("child.sex", withChild(new Child(c.name(), null, c.dateOfBirth(), c.idNumber(), c.hukou(),
                        c.villageCode(), c.school()))),
                missing("child.dateOfBirth", withChild(new Child(c.name(), c.sex(), null, null, c.hukou(),
                        c.villageCode(), c.school()))),
                missing("child.hukou", withChild(new Child(c.name(), c.sex(), c.dateOfBirth(), c.idNumber(), null,
                        c.villageCode(), c.school()))),
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
    void aCaregiverAgeOutsideZeroTo120IsRefused(int age) {
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
    void theVillageCodeMustBeTwelveDigits(String code) {
        Child c = child();
        fixture.givenNoPriorActivity()
                .when(withChild(new Child(c.name(), c.sex(), c.dateOfBirth(), c.idNumber(), c.hukou(), code,
                        c.school())), caseworker())
                .expectException(invalidInput("village-code", "child.villageCode"))
                .expectNoEvents();
    }

    @Test
    void anIdNumberOfTheWrongFormIsRefused() {
        fixture.givenNoPriorActivity()
                .when(withChild(childBornOn(DATE_OF_BIRTH, residentId(DATE_OF_BIRTH).substring(0, 17))), caseworker())
                .expectException(invalidInput("resident-id-format", "child.idNumber"))
                .expectNoEvents();
    }

    @Test
    void anIdNumberWithAWrongCheckCharacterIsRefused() {
        fixture.givenNoPriorActivity()
                .when(withChild(childBornOn(DATE_OF_BIRTH, withWrongCheckCharacter(residentId(DATE_OF_BIRTH)))),
                        caseworker())
                .expectException(invalidInput("resident-id-check", "child.idNumber"))
                .expectNoEvents();
    }

    @Test
    void anIdNumberOfAnotherBirthDateIsRefused() {
        fixture.givenNoPriorActivity()
                .when(withChild(childBornOn(DATE_OF_BIRTH, residentId(DATE_OF_BIRTH.plusDays(1)))), caseworker())
                .expectException(invalidInput("resident-id-birth-date", "child.idNumber"))
                .expectNoEvents();
    }

    // ---- dates and eligibility -----------------------------------------------------------------------------

    @Test
    void aDateOfBirthInTheFutureIsRefused() {
        fixture.givenNoPriorActivity()
                .when(withChild(childBornOn(TODAY.plusDays(1), null)), caseworker())
                .expectException(invalidInput("date-in-future", "child.dateOfBirth"))
                .expectNoEvents();
    }

    @Test
    void aChildOnTheSixteenthBirthdayIsNotEligible() {
        LocalDate birth = TODAY.minusYears(16);

        fixture.givenNoPriorActivity()
                .when(withChild(childBornOn(birth, residentId(birth))), caseworker())
                .expectException(invalidInput("eligibility-age", "child.dateOfBirth"))
                .expectNoEvents();
    }

    @Test
    void todayIsTheDateInChinaNotInUtc() {
        // 00:30 on 1 March 2026 in Shanghai is still 28 February in UTC
        fixture.givenCurrentTime(Instant.parse("2026-02-28T16:30:00Z"));
        LocalDate sixteenOnFirstMarch = LocalDate.of(2010, 3, 1);

        fixture.givenNoPriorActivity()
                .when(withChild(childBornOn(sixteenOnFirstMarch, null)), caseworker())
                .expectException(invalidInput("eligibility-age", "child.dateOfBirth"))
                .expectNoEvents();
    }

    @Test
    void anUrbanHouseholdRegistrationIsNotEligible() {
        Child c = child();
        fixture.givenNoPriorActivity()
                .when(withChild(new Child(c.name(), c.sex(), c.dateOfBirth(), c.idNumber(), Hukou.URBAN,
                        c.villageCode(), c.school())), caseworker())
                .expectException(invalidInput("eligibility-hukou", "child.hukou"))
                .expectNoEvents();
    }

    @Test
    void aChildWithAParentAtHomeIsNotLeftBehind() {
        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, child(), father(), new Parent(ParentStatus.AT_HOME, null),
                        caregiver(), report()), caseworker())
                .expectException(invalidInput("eligibility-parents", "mother.status"))
                .expectNoEvents();
    }

    @Test
    void oneMigratedParentAndOneDeceasedIsEligible() {
        Parent deceased = new Parent(ParentStatus.DECEASED, null);

        fixture.givenNoPriorActivity()
                .when(new RegisterChild(CASE_ID, child(), deceased, mother(), caregiver(), report()), caseworker())
                .expectEvents(new ChildRegistered(CASE_ID, child(), deceased, mother(), caregiver(), report(), NOW,
                        CASEWORKER))
                .expectResultMessagePayload(0L);
    }
}
