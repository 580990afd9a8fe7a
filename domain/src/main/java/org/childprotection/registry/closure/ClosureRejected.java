package org.childprotection.registry.closure;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.CaseStatus;

@Revision("1")
public record ClosureRejected(String caseId, String rejectedBy, String note, CaseStatus statusRestored) {
}
