package org.childprotection.registry.closure;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ClosureApproved(String caseId, String approvedBy, String requestedBy, String note) {
}
