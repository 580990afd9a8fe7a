package org.childprotection.registry.intervention;

import org.childprotection.registry.guardian.Relationship;

public record CourtAppointedGuardian(String name, Relationship relationship, int age) {
}
