package org.childprotection.registry.correction;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

/** {@code value} is the field's new value as text; {@code eventType} names the corrected event's type. */
@Revision("1")
public record RecordCorrected(String caseId, String eventId, String eventType, String field,
                              @PersonalData(when = "valueIsPersonal") String value, @PersonalData String reason) {

    /**
     * Whether the new value is personal data: it is when the corrected field is. A corrected visit date or sex
     * stays readable after erasure, like the field it corrects; an unknown field counts as personal.
     */
    public boolean valueIsPersonal() {
        return Correctable.find(eventType, field).map(Correctable::personal).orElse(true);
    }
}
