package org.childprotection.registry.referral;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ServiceReferred(String caseId, String referralId, Service service, String provider, String note) {
}
