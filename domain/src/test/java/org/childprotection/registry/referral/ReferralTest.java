package org.childprotection.registry.referral;

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

class ReferralTest {

    private static final String PROVIDER = "蕲春县未成年人心理健康辅导站";

    private AggregateTestFixture<ChildCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.givenCurrentTime(NOW);
    }

    // ---- referring ------------------------------------------------------------------------------------------

    @Test
    void refersTheChildToAService() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION))
                .when(new ReferToService(CASE_ID, REFERRAL_ID, Service.EDUCATION, "横车镇中心小学", "申请营养午餐补助"),
                        caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ServiceReferred(CASE_ID, REFERRAL_ID, Service.EDUCATION, "横车镇中心小学",
                        "申请营养午餐补助"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aBlankNoteIsRecordedAsNone() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION))
                .when(new ReferToService(CASE_ID, REFERRAL_ID, Service.LEGAL_AID, "县法律援助中心", " "), supervisor())
                .expectEvents(new ServiceReferred(CASE_ID, REFERRAL_ID, Service.LEGAL_AID, "县法律援助中心", null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aSecondReferralNeedsItsOwnId() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID)))
                .when(referral("ref-2"), caseworker())
                .expectEvents(new ServiceReferred(CASE_ID, "ref-2", Service.PSYCHOSOCIAL, PROVIDER, null))
                .expectResultMessagePayload(4L);
    }

    @Test
    void aReferralIdIsUsedOnlyOnce() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID)))
                .when(referral(REFERRAL_ID), caseworker())
                .expectException(stateConflict("referral-exists"))
                .expectNoEvents();
    }

    @Test
    void aReferralIdIsUsedOnlyOnceEvenAfterItsOutcome() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID),
                        new ReferralOutcomeRecorded(CASE_ID, REFERRAL_ID, ReferralOutcome.COMPLETED, null)))
                .when(referral(REFERRAL_ID), caseworker())
                .expectException(stateConflict("referral-exists"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OVERSIGHT", "MAINTAINER"})
    void readOnlyRolesMayNotRefer(Role role) {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION))
                .when(referral(REFERRAL_ID), as(role))
                .expectException(notPermitted("role"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void theReferralIdIsRequired(String referralId) {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION))
                .when(referral(referralId), caseworker())
                .expectException(invalidInput("required", "referralId"))
                .expectNoEvents();
    }

    @Test
    void theServiceIsRequired() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION))
                .when(new ReferToService(CASE_ID, REFERRAL_ID, null, PROVIDER, null), caseworker())
                .expectException(invalidInput("required", "service"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void theProviderIsRequired(String provider) {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION))
                .when(new ReferToService(CASE_ID, REFERRAL_ID, Service.HEALTH, provider, null), caseworker())
                .expectException(invalidInput("required", "provider"))
                .expectNoEvents();
    }

    // ---- outcomes ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ReferralOutcome.class)
    void recordsTheOutcomeOfAnOpenReferral(ReferralOutcome outcome) {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID)))
                .when(referralOutcome(REFERRAL_ID, outcome), caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReferralOutcomeRecorded(CASE_ID, REFERRAL_ID, outcome, "已完成六次辅导。"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void anOngoingReferralStaysOpen() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID),
                        new ReferralOutcomeRecorded(CASE_ID, REFERRAL_ID, ReferralOutcome.ONGOING, "已开始辅导")))
                .when(new RecordReferralOutcome(CASE_ID, REFERRAL_ID, ReferralOutcome.COMPLETED, ""), supervisor())
                .expectEvents(new ReferralOutcomeRecorded(CASE_ID, REFERRAL_ID, ReferralOutcome.COMPLETED, null))
                .expectResultMessagePayload(5L);
    }

    @ParameterizedTest
    @EnumSource(value = ReferralOutcome.class, names = "ONGOING", mode = EnumSource.Mode.EXCLUDE)
    void aFinalOutcomeClosesTheReferral(ReferralOutcome finalOutcome) {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID),
                        new ReferralOutcomeRecorded(CASE_ID, REFERRAL_ID, finalOutcome, null)))
                .when(referralOutcome(REFERRAL_ID, ReferralOutcome.ONGOING), caseworker())
                .expectException(stateConflict("referral-closed"))
                .expectNoEvents();
    }

    @Test
    void anOutcomeNeedsAKnownReferral() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID)))
                .when(referralOutcome("ref-9", ReferralOutcome.COMPLETED), caseworker())
                .expectException(stateConflict("referral-unknown"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OVERSIGHT", "MAINTAINER"})
    void readOnlyRolesMayNotRecordOutcomes(Role role) {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID)))
                .when(referralOutcome(REFERRAL_ID, ReferralOutcome.COMPLETED), as(role))
                .expectException(notPermitted("role"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void theOutcomesReferralIdIsRequired(String referralId) {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID)))
                .when(referralOutcome(referralId, ReferralOutcome.COMPLETED), caseworker())
                .expectException(invalidInput("required", "referralId"))
                .expectNoEvents();
    }

    @Test
    void theOutcomeIsRequired() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID)))
                .when(referralOutcome(REFERRAL_ID, null), caseworker())
                .expectException(invalidInput("required", "outcome"))
                .expectNoEvents();
    }
}
