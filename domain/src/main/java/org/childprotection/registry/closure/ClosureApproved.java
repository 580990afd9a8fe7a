package org.childprotection.registry.closure;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

@Revision("1")
public record ClosureApproved(String caseId, String approvedBy, String requestedBy, @PersonalData String note) {
}
