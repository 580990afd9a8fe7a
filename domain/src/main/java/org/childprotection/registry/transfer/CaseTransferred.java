package org.childprotection.registry.transfer;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

/**
 * The one-step transfer of earlier versions: the case moved to {@code toVillageCode} at once. No longer recorded
 * (a transfer is now requested and accepted), but kept so that the logs that hold it still read.
 */
@Revision("1")
public record CaseTransferred(String caseId, String fromVillageCode, String toVillageCode,
                              @PersonalData String reason) {
}
