package org.childprotection.registry.intervention;

import org.childprotection.registry.guardian.Relationship;
import org.childprotection.registry.kernel.PersonalData;

public record CourtAppointedGuardian(@PersonalData String name, Relationship relationship, int age) {
}
