package org.childprotection.registry.casefile;

import org.childprotection.registry.guardian.GuardianCapacity;
import org.childprotection.registry.guardian.Relationship;

/**
 * The child's current guardian: entrusted by the parents, or appointed by a court. {@code eventId} is the
 * event that recorded them, so that a correction of that event reaches this entry.
 */
public record Guardian(Kind kind, String name, Relationship relationship, Integer age, GuardianCapacity capacity,
                       Boolean agreementSigned, String phone, String eventId) {

    public enum Kind { ENTRUSTED, COURT_APPOINTED }

    Guardian withName(String newName) {
        return new Guardian(kind, newName, relationship, age, capacity, agreementSigned, phone, eventId);
    }

    Guardian withPhone(String newPhone) {
        return new Guardian(kind, name, relationship, age, capacity, agreementSigned, newPhone, eventId);
    }
}
