package org.childprotection.registry.referral;

import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.kernel.CaseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.childprotection.registry.childcase.CaseExamples.*;

class ReferralTest extends CaseFixtureTest {

    private static final String PROVIDER = "蕲春县未成年人心理健康辅导站";

    // ---- referring ------------------------------------------------------------------------------------------

    @Test
    void refers_the_child_to_a_service() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION))
                .when(new ReferToService(CASE_ID, REFERRAL_ID, Service.EDUCATION, "横车镇中心小学", "申请营养午餐补助"),
                        caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ServiceReferred(CASE_ID, REFERRAL_ID, Service.EDUCATION, "横车镇中心小学",
                        "申请营养午餐补助"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_blank_note_is_recorded_as_none() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION))
                .when(new ReferToService(CASE_ID, REFERRAL_ID, Service.LEGAL_AID, "县法律援助中心", " "), supervisor())
                .expectEvents(new ServiceReferred(CASE_ID, REFERRAL_ID, Service.LEGAL_AID, "县法律援助中心", null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_second_referral_needs_its_own_id() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID)))
                .when(referral("ref-2"), caseworker())
                .expectEvents(new ServiceReferred(CASE_ID, "ref-2", Service.PSYCHOSOCIAL, PROVIDER, null))
                .expectResultMessagePayload(4L);
    }

    @Test
    void a_referral_id_is_used_only_once() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID)))
                .when(referral(REFERRAL_ID), caseworker())
                .expectException(stateConflict("referral-exists"))
                .expectNoEvents();
    }

    @Test
    void a_referral_id_is_used_only_once_even_after_its_outcome() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID),
                        new ReferralOutcomeRecorded(CASE_ID, REFERRAL_ID, ReferralOutcome.COMPLETED, null)))
                .when(referral(REFERRAL_ID), caseworker())
                .expectException(stateConflict("referral-exists"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void the_referral_id_is_required(String referralId) {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION))
                .when(referral(referralId), caseworker())
                .expectException(invalidInput("required", "referralId"))
                .expectNoEvents();
    }

    @Test
    void the_service_is_required() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION))
                .when(new ReferToService(CASE_ID, REFERRAL_ID, null, PROVIDER, null), caseworker())
                .expectException(invalidInput("required", "service"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void the_provider_is_required(String provider) {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION))
                .when(new ReferToService(CASE_ID, REFERRAL_ID, Service.HEALTH, provider, null), caseworker())
                .expectException(invalidInput("required", "provider"))
                .expectNoEvents();
    }

    // ---- outcomes ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ReferralOutcome.class)
    void records_the_outcome_of_an_open_referral(ReferralOutcome outcome) {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID)))
                .when(referralOutcome(REFERRAL_ID, outcome), caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReferralOutcomeRecorded(CASE_ID, REFERRAL_ID, outcome, "已完成六次辅导。"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void an_ongoing_referral_stays_open() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID),
                        new ReferralOutcomeRecorded(CASE_ID, REFERRAL_ID, ReferralOutcome.ONGOING, "已开始辅导")))
                .when(new RecordReferralOutcome(CASE_ID, REFERRAL_ID, ReferralOutcome.COMPLETED, ""), supervisor())
                .expectEvents(new ReferralOutcomeRecorded(CASE_ID, REFERRAL_ID, ReferralOutcome.COMPLETED, null))
                .expectResultMessagePayload(5L);
    }

    @ParameterizedTest
    @EnumSource(value = ReferralOutcome.class, names = "ONGOING", mode = EnumSource.Mode.EXCLUDE)
    void a_final_outcome_closes_the_referral(ReferralOutcome finalOutcome) {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID),
                        new ReferralOutcomeRecorded(CASE_ID, REFERRAL_ID, finalOutcome, null)))
                .when(referralOutcome(REFERRAL_ID, ReferralOutcome.ONGOING), caseworker())
                .expectException(stateConflict("referral-closed"))
                .expectNoEvents();
    }

    @Test
    void an_outcome_needs_a_known_referral() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID)))
                .when(referralOutcome("ref-9", ReferralOutcome.COMPLETED), caseworker())
                .expectException(stateConflict("referral-unknown"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void the_outcomes_referral_id_is_required(String referralId) {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID)))
                .when(referralOutcome(referralId, ReferralOutcome.COMPLETED), caseworker())
                .expectException(invalidInput("required", "referralId"))
                .expectNoEvents();
    }

    @Test
    void the_outcome_is_required() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION, serviceReferred(REFERRAL_ID)))
                .when(referralOutcome(REFERRAL_ID, null), caseworker())
                .expectException(invalidInput("required", "outcome"))
                .expectNoEvents();
    }
}
