package org.childprotection.registry.guardian;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.childcase.ChildCase;
import org.childprotection.registry.kernel.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.childprotection.registry.childcase.CaseExamples.*;

class GuardianTest {

    private AggregateTestFixture<ChildCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.givenCurrentTime(NOW);
    }

    // ---- success ------------------------------------------------------------------------------------------

    @Test
    void recordsTheEntrustedGuardian() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION))
                .when(entrustedGuardian(), caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EntrustedGuardianRecorded(CASE_ID, "王建国", Relationship.OTHER_RELATIVE, 45,
                        GuardianCapacity.CAPABLE, true, "13800138000"))
                .expectResultMessagePayload(3L);
    }

    @ParameterizedTest
    @ValueSource(ints = {18, 120})
    void anAdultOfLimitedCapacityWithoutAgreementOrPhoneCanBeRecorded(int age) {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(new RecordEntrustedGuardian(CASE_ID, "欧阳娜娜", Relationship.FAMILY_FRIEND, age,
                        GuardianCapacity.LIMITED, false, "  "), supervisor())
                .expectEvents(new EntrustedGuardianRecorded(CASE_ID, "欧阳娜娜", Relationship.FAMILY_FRIEND, age,
                        GuardianCapacity.LIMITED, false, null))
                .expectResultMessagePayload(3L);
    }

    // ---- refusals ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OVERSIGHT", "MAINTAINER"})
    void readOnlyRolesMayNotRecordAGuardian(Role role) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(entrustedGuardian(), as(role))
                .expectException(notPermitted("role"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void theNameIsRequired(String name) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordEntrustedGuardian(CASE_ID, name, Relationship.GRANDPARENT, 60,
                        GuardianCapacity.CAPABLE, true, null), caseworker())
                .expectException(invalidInput("required", "name"))
                .expectNoEvents();
    }

    @Test
    void theRelationshipIsRequired() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordEntrustedGuardian(CASE_ID, "王建国", null, 60, GuardianCapacity.CAPABLE, true, null),
                        caseworker())
                .expectException(invalidInput("required", "relationship"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 12, 17})
    void aGuardianMustBeAnAdult(int age) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordEntrustedGuardian(CASE_ID, "王小红", Relationship.SIBLING, age,
                        GuardianCapacity.CAPABLE, true, null), caseworker())
                .expectException(invalidInput("adult-required", "age"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {121, 200})
    void anImpossibleAgeIsRefusedAsSuch(int age) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordEntrustedGuardian(CASE_ID, "王建国", Relationship.OTHER_RELATIVE, age,
                        GuardianCapacity.CAPABLE, true, null), caseworker())
                .expectException(invalidInput("age", "age"))
                .expectExceptionMessage("age must be between 18 and 120.")
                .expectNoEvents();
    }

    @Test
    void theCapacityIsRequired() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordEntrustedGuardian(CASE_ID, "王建国", Relationship.OTHER_RELATIVE, 45, null, true, null),
                        caseworker())
                .expectException(invalidInput("required", "capacity"))
                .expectNoEvents();
    }

    @Test
    void aPersonWithoutCapacityCannotBeEntrusted() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordEntrustedGuardian(CASE_ID, "张桂兰", Relationship.GRANDPARENT, 85,
                        GuardianCapacity.INCAPABLE, true, null), caseworker())
                .expectException(invalidInput("guardian-capable", "capacity"))
                .expectNoEvents();
    }
}
