package org.childprotection.registry.intervention;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

@Revision("1")
public record GuardianshipInterventionFiled(String caseId, String interventionId, InterventionGrounds grounds,
                                            @PersonalData String court, @PersonalData String reason) {
}
