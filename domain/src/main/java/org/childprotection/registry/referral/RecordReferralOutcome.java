package org.childprotection.registry.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordReferralOutcome(@TargetAggregateIdentifier String caseId, String referralId,
                                    ReferralOutcome outcome, String note) {
}
