package org.childprotection.registry.guardian;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The adult the migrated parents entrusted with guardianship; {@code phone} may be null. */
public record RecordEntrustedGuardian(@TargetAggregateIdentifier String caseId, String name,
                                      Relationship relationship, Integer age, GuardianCapacity capacity,
                                      Boolean agreementSigned, String phone) {
}
