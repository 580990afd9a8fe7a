package org.childprotection.registry.intervention;

import org.childprotection.registry.guardian.Relationship;

/**
 * The new guardian as a court decision names them, each field possibly absent until checked; once checked, the
 * {@link CourtAppointedGuardian} the event records.
 */
public record NewGuardian(String name, Relationship relationship, Integer age) {

    CourtAppointedGuardian appointed() {
        return new CourtAppointedGuardian(name, relationship, age);
    }
}
