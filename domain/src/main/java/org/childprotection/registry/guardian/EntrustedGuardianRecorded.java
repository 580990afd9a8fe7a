package org.childprotection.registry.guardian;

import org.axonframework.serialization.Revision;

@Revision("1")
public record EntrustedGuardianRecorded(String caseId, String name, Relationship relationship, int age,
                                        GuardianCapacity capacity, boolean agreementSigned, String phone) {
}
