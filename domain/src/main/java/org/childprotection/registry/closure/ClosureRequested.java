package org.childprotection.registry.closure;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.CaseStatus;

/** {@code statusBefore} is where a rejection returns the case. */
@Revision("1")
public record ClosureRequested(String caseId, ClosureReason reason, String note, String requestedBy,
                               CaseStatus statusBefore) {
}
