package org.childprotection.registry.intervention;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

@Revision("1")
public record CourtDecisionRecorded(String caseId, String interventionId, boolean granted,
                                    CourtAppointedGuardian newGuardian, @PersonalData String note) {
}
