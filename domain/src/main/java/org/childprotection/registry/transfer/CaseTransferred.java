package org.childprotection.registry.transfer;

import org.axonframework.serialization.Revision;

/** The case now belongs to {@code toVillageCode}; access follows it. */
@Revision("1")
public record CaseTransferred(String caseId, String fromVillageCode, String toVillageCode, String reason) {
}
