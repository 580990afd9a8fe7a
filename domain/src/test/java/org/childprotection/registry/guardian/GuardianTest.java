package org.childprotection.registry.guardian;

import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.kernel.CaseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.childprotection.registry.childcase.CaseExamples.*;

class GuardianTest extends CaseFixtureTest {

    // ---- success ------------------------------------------------------------------------------------------

    @Test
    void records_the_entrusted_guardian() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION))
                .when(entrustedGuardian(), caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EntrustedGuardianRecorded(CASE_ID, "王建国", Relationship.OTHER_RELATIVE, 45,
                        GuardianCapacity.CAPABLE, true, "13800138000"))
                .expectResultMessagePayload(3L);
    }

    @ParameterizedTest
    @ValueSource(ints = {18, 120})
    void an_adult_of_limited_capacity_without_agreement_or_phone_can_be_recorded(int age) {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(new RecordEntrustedGuardian(CASE_ID, "欧阳娜娜", Relationship.FAMILY_FRIEND, age,
                        GuardianCapacity.LIMITED, false, "  "), supervisor())
                .expectEvents(new EntrustedGuardianRecorded(CASE_ID, "欧阳娜娜", Relationship.FAMILY_FRIEND, age,
                        GuardianCapacity.LIMITED, false, null))
                .expectResultMessagePayload(3L);
    }

    // ---- refusals ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void the_name_is_required(String name) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordEntrustedGuardian(CASE_ID, name, Relationship.GRANDPARENT, 60,
                        GuardianCapacity.CAPABLE, true, null), caseworker())
                .expectException(invalidInput("required", "name"))
                .expectNoEvents();
    }

    @Test
    void the_relationship_is_required() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordEntrustedGuardian(CASE_ID, "王建国", null, 60, GuardianCapacity.CAPABLE, true, null),
                        caseworker())
                .expectException(invalidInput("required", "relationship"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 12, 17})
    void a_guardian_must_be_an_adult(int age) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordEntrustedGuardian(CASE_ID, "王小红", Relationship.SIBLING, age,
                        GuardianCapacity.CAPABLE, true, null), caseworker())
                .expectException(invalidInput("adult-required", "age"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {121, 200})
    void an_impossible_age_is_refused_as_such(int age) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordEntrustedGuardian(CASE_ID, "王建国", Relationship.OTHER_RELATIVE, age,
                        GuardianCapacity.CAPABLE, true, null), caseworker())
                .expectException(invalidInput("age", "age"))
                .expectExceptionMessage("age must be between 18 and 120.")
                .expectNoEvents();
    }

    @Test
    void the_capacity_is_required() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordEntrustedGuardian(CASE_ID, "王建国", Relationship.OTHER_RELATIVE, 45, null, true, null),
                        caseworker())
                .expectException(invalidInput("required", "capacity"))
                .expectNoEvents();
    }

    @Test
    void a_person_without_capacity_cannot_be_entrusted() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordEntrustedGuardian(CASE_ID, "张桂兰", Relationship.GRANDPARENT, 85,
                        GuardianCapacity.INCAPABLE, true, null), caseworker())
                .expectException(invalidInput("guardian-capable", "capacity"))
                .expectNoEvents();
    }

    /** Commands are never stored, so their flags and ages are boxed: an absent one is refused, not taken as false or 0. */
    @Test
    void the_age_and_the_signed_agreement_are_required() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordEntrustedGuardian(CASE_ID, "王建国", Relationship.OTHER_RELATIVE, null,
                        GuardianCapacity.CAPABLE, null, null), caseworker())
                .expectException(invalidFields("age", "agreementSigned"))
                .expectNoEvents();
    }

    @Test
    void every_missing_or_wrong_field_is_named_at_once() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordEntrustedGuardian(CASE_ID, " ", null, 17, GuardianCapacity.INCAPABLE, null, null),
                        caseworker())
                .expectException(invalidFields("name", "relationship", "age", "capacity", "agreementSigned"))
                .expectNoEvents();
    }
}
