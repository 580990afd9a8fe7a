package org.childprotection.registry.closure;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.PersonalData;

/** {@code statusBefore} is where a rejection returns the case. */
@Revision("1")
public record ClosureRequested(String caseId, ClosureReason reason, @PersonalData String note, String requestedBy,
                               CaseStatus statusBefore) {
}
