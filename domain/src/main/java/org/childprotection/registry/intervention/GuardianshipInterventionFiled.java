package org.childprotection.registry.intervention;

import org.axonframework.serialization.Revision;

@Revision("1")
public record GuardianshipInterventionFiled(String caseId, String interventionId, InterventionGrounds grounds,
                                            String court, String reason) {
}
