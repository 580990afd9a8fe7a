package org.childprotection.registry.erasure;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

/**
 * The case's personal data is erased: recorded in the same transaction that destroys the case's data key, so
 * from this event on every personal field of the case, in every event before it, reads as erased.
 */
@Revision("1")
public record ErasureApproved(String caseId, ErasureBasis basis, String requestedBy, String approvedBy,
                              @PersonalData String note) {
}
