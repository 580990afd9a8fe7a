package org.childprotection.registry.intervention;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CourtDecisionRecorded(String caseId, String interventionId, boolean granted,
                                    CourtAppointedGuardian newGuardian, String note) {
}
