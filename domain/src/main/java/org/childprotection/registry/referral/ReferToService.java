package org.childprotection.registry.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code referralId} is chosen by the caller and unique within the case; {@code note} may be null. */
public record ReferToService(@TargetAggregateIdentifier String caseId, String referralId, Service service,
                             String provider, String note) {
}
