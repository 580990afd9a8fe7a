package org.childprotection.registry.transfer;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

/**
 * The case now belongs to {@code toVillageCode}; access follows it. {@code previousCaseworker} (the sending side's)
 * no longer has the case: the receiving side assigns one.
 */
@Revision("1")
public record TransferAccepted(String caseId, String fromVillageCode, String toVillageCode, String requestedBy,
                               String acceptedBy, @PersonalData String note, String previousCaseworker) {
}
