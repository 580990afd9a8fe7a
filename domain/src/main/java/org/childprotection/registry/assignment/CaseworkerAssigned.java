package org.childprotection.registry.assignment;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CaseworkerAssigned(String caseId, String caseworker, String previousCaseworker) {
}
