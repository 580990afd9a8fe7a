package org.childprotection.registry.correction;

import org.childprotection.registry.contact.ContactChannel;
import org.childprotection.registry.kernel.InvalidInput;
import org.childprotection.registry.registration.Sex;
import org.childprotection.registry.visit.VisitorRole;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fields of earlier events that a correction may change, and what a new value must look like.
 * Status-bearing facts (colours, decisions, closure) are not corrected; they are superseded by new commands.
 */
public enum Correctable {
    CHILD_NAME("ChildRegistered", "child.name", Kind.TEXT),
    CHILD_SEX("ChildRegistered", "child.sex", Kind.SEX),
    CHILD_DATE_OF_BIRTH("ChildRegistered", "child.dateOfBirth", Kind.DATE),
    CHILD_ID_NUMBER("ChildRegistered", "child.idNumber", Kind.OPTIONAL_TEXT),
    CHILD_SCHOOL("ChildRegistered", "child.school", Kind.OPTIONAL_TEXT),
    CAREGIVER_NAME("ChildRegistered", "caregiver.name", Kind.TEXT),
    REPORT_DESCRIPTION("ChildRegistered", "report.description", Kind.TEXT),
    ASSESSMENT_SUMMARY("RiskAssessed", "summary", Kind.TEXT),
    GUARDIAN_NAME("EntrustedGuardianRecorded", "name", Kind.TEXT),
    GUARDIAN_PHONE("EntrustedGuardianRecorded", "phone", Kind.OPTIONAL_TEXT),
    VISIT_DATE("HomeVisitRecorded", "visitDate", Kind.DATE),
    VISIT_VISITOR_ROLE("HomeVisitRecorded", "visitorRole", Kind.VISITOR_ROLE),
    VISIT_CHILD_SEEN("HomeVisitRecorded", "childSeen", Kind.BOOLEAN),
    VISIT_OBSERVATIONS("HomeVisitRecorded", "observations", Kind.TEXT),
    CONTACT_DATE("ParentalContactRecorded", "date", Kind.DATE),
    CONTACT_CHANNEL("ParentalContactRecorded", "channel", Kind.CONTACT_CHANNEL),
    REFERRAL_PROVIDER("ServiceReferred", "provider", Kind.TEXT),
    REFERRAL_NOTE("ServiceReferred", "note", Kind.OPTIONAL_TEXT),
    REFERRAL_OUTCOME_NOTE("ReferralOutcomeRecorded", "note", Kind.OPTIONAL_TEXT),
    INTERVENTION_COURT("GuardianshipInterventionFiled", "court", Kind.TEXT),
    COURT_GUARDIAN_NAME("CourtDecisionRecorded", "newGuardian.name", Kind.TEXT);

    /** How a new value is checked; it is kept as the text given, normalised. */
    public enum Kind {
        TEXT, OPTIONAL_TEXT, DATE, SEX, BOOLEAN, VISITOR_ROLE, CONTACT_CHANNEL
    }

    private final String eventType;
    private final String field;
    private final Kind kind;

    Correctable(String eventType, String field, Kind kind) {
        this.eventType = eventType;
        this.field = field;
        this.kind = kind;
    }

    /** The correctable field, or a refusal that lists the fields of such a record that are. */
    public static Correctable of(String eventType, String field) {
        return find(eventType, field).orElseThrow(() -> new InvalidInput("field-not-correctable", "field",
                "Field '" + field + "' of a " + eventType + " record cannot be corrected"
                        + fieldsOf(eventType).map(f -> "; correctable fields are: " + f).orElse(
                        " (no field of such a record can be corrected)") + "."));
    }

    /** The correctable field a stored correction names; empty for a pair no correction could have named. */
    public static Optional<Correctable> find(String eventType, String field) {
        return Arrays.stream(values())
                .filter(c -> c.eventType.equals(eventType) && c.field.equals(field))
                .findFirst();
    }

    private static Optional<String> fieldsOf(String eventType) {
        String fields = Arrays.stream(values())
                .filter(c -> c.eventType.equals(eventType))
                .map(c -> c.field)
                .collect(Collectors.joining(", "));
        return fields.isEmpty() ? Optional.empty() : Optional.of(fields);
    }

    public String field() {
        return field;
    }

    /** The event type whose field this is, as corrections name it ({@code ChildRegistered}). */
    public String eventType() {
        return eventType;
    }

    /** Whether the correction changes this field. */
    public boolean corrects(RecordCorrected correction) {
        return eventType.equals(correction.eventType()) && field.equals(correction.field());
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether the field is personal data (stored encrypted, erased with the case): every text field and the date
     * of birth; codes, flags and the dates of the case's work are not.
     */
    public boolean personal() {
        return kind == Kind.TEXT || kind == Kind.OPTIONAL_TEXT || this == CHILD_DATE_OF_BIRTH;
    }

    /** Checks the new value's form and returns it normalised (trimmed, upper-case for codes). */
    public String normalise(String value) {
        String text = value == null ? "" : value.strip();
        switch (kind) {
            case TEXT -> {
                if (text.isEmpty()) {
                    throw invalid("a non-blank text");
                }
            }
            case OPTIONAL_TEXT -> {
                // blank clears the field
            }
            case DATE -> {
                try {
                    LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw invalid("an ISO date such as 2026-03-01");
                }
            }
            case SEX -> text = oneOf(text, Sex.class);
            case VISITOR_ROLE -> text = oneOf(text, VisitorRole.class);
            case CONTACT_CHANNEL -> text = oneOf(text, ContactChannel.class);
            case BOOLEAN -> {
                text = text.toLowerCase();
                if (!text.equals("true") && !text.equals("false")) {
                    throw invalid("true or false");
                }
            }
        }
        return text;
    }

    private <E extends Enum<E>> String oneOf(String text, Class<E> type) {
        try {
            return Enum.valueOf(type, text.toUpperCase()).name();
        } catch (IllegalArgumentException e) {
            throw invalid("one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private InvalidInput invalid(String expected) {
        return new InvalidInput("correction-value", "value", "The new value of " + field + " must be " + expected + ".");
    }
}
