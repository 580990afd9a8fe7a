package org.childprotection.registry.transfer;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

/** The case is to move to {@code toVillageCode} once the receiving side accepts; until then nothing changes. */
@Revision("1")
public record TransferRequested(String caseId, String fromVillageCode, String toVillageCode,
                                @PersonalData String reason, String requestedBy) {
}
