package org.childprotection.registry.transfer;

import org.axonframework.serialization.Revision;

/** The receiving side declined: the case stays where it is, with its caseworker. */
@Revision("1")
public record TransferDeclined(String caseId, String toVillageCode, String requestedBy, String declinedBy,
                               String note) {
}
