package org.childprotection.registry.closure;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.PersonalData;

@Revision("1")
public record ClosureRejected(String caseId, String rejectedBy, @PersonalData String note, CaseStatus statusRestored) {
}
