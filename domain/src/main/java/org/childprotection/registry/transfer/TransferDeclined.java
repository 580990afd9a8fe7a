package org.childprotection.registry.transfer;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

/** The receiving side declined: the case stays where it is, with its caseworker. */
@Revision("1")
public record TransferDeclined(String caseId, String toVillageCode, String requestedBy, String declinedBy,
                               @PersonalData String note) {
}
