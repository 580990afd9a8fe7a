package org.childprotection.registry.referral;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ReferralOutcomeRecorded(String caseId, String referralId, ReferralOutcome outcome, String note) {
}
