package org.childprotection.registry.referral;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

@Revision("1")
public record ServiceReferred(String caseId, String referralId, Service service, @PersonalData String provider,
                              @PersonalData String note) {
}
