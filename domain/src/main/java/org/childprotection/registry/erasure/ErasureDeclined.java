package org.childprotection.registry.erasure;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

@Revision("1")
public record ErasureDeclined(String caseId, ErasureBasis basis, String requestedBy, String declinedBy,
                              @PersonalData String note) {
}
