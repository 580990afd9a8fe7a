package org.childprotection.registry.registration;

import org.childprotection.registry.guardian.GuardianCapacity;
import org.childprotection.registry.guardian.Relationship;
import org.childprotection.registry.kernel.PersonalData;

/** Whoever looks after the child day to day when the case is reported (not necessarily an entrusted guardian). */
public record Caregiver(@PersonalData String name, Relationship relationship, Integer age, GuardianCapacity capacity) {
}
