package org.childprotection.registry.correction;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

/** {@code value} is the field's new value as text; {@code eventType} names the corrected event's type. */
@Revision("1")
public record RecordCorrected(String caseId, String eventId, String eventType, String field,
                              @PersonalData String value, @PersonalData String reason) {
}
