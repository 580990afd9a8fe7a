package org.childprotection.registry.referral;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

@Revision("1")
public record ReferralOutcomeRecorded(String caseId, String referralId, ReferralOutcome outcome,
                                      @PersonalData String note) {
}
