package org.childprotection.registry.guardian;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

@Revision("1")
public record EntrustedGuardianRecorded(String caseId, @PersonalData String name, Relationship relationship,
                                        int age, GuardianCapacity capacity, boolean agreementSigned,
                                        @PersonalData String phone) {
}
