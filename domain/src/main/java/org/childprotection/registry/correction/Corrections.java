package org.childprotection.registry.correction;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateMember;
import org.childprotection.registry.kernel.Actor;
import org.childprotection.registry.kernel.ActorNotPermitted;
import org.childprotection.registry.kernel.CaseDates;
import org.childprotection.registry.kernel.InputCheck;
import org.childprotection.registry.kernel.InvalidInput;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.registration.Eligibility;
import org.childprotection.registry.registration.ResidentId;

import java.time.LocalDate;

/**
 * Correcting a field of an earlier record of the case (allowed on a closed case too): a caseworker corrects
 * only their own records, a supervisor any; the new value must suit the field ({@link Correctable}) and keep
 * the case's dates and the child's resident ID consistent.
 */
public class Corrections {

    @AggregateMember
    private final CaseRecords records = new CaseRecords();
    private String idNumber;

    public RecordCorrected correct(CorrectRecord command, Actor actor, CaseDates dates) {
        InputCheck check = new InputCheck();
        check.text(command.eventId(), "eventId");
        check.text(command.field(), "field");
        check.present(command.value(), "value");
        check.text(command.reason(), "reason");
        check.done();
        CaseRecords.Recorded corrected = records.find(command.eventId()).orElseThrow(() -> new InvalidInput(
                "unknown-event", "eventId", "Event " + command.eventId() + " is not part of this case."));
        if (!actor.isSupervisor() && !actor.username().equals(corrected.author())) {
            throw new ActorNotPermitted("own-records-only",
                    "A caseworker may correct only records they made; ask a supervisor to correct this one.");
        }
        Correctable correctable = Correctable.of(corrected.type(), command.field());
        String value = correctable.normalise(command.value());
        switch (correctable) {
            case CHILD_DATE_OF_BIRTH -> checkBirthDate(LocalDate.parse(value), dates);
            case CHILD_ID_NUMBER -> {
                if (!value.isEmpty()) {
                    value = value.toUpperCase();
                    ResidentId.check(value, dates.birth(), "value");
                }
            }
            case VISIT_DATE, CONTACT_DATE -> checkDate(LocalDate.parse(value), dates);
            default -> {
                // the form check above is all these fields need
            }
        }
        return new RecordCorrected(command.caseId(), command.eventId(), corrected.type(), command.field(), value,
                command.reason());
    }

    private void checkBirthDate(LocalDate birth, CaseDates dates) {
        checkDate(birth, new CaseDates(null, null));
        if (birth.isAfter(dates.reported())) {
            throw new InvalidInput("date-before-birth", "value", "With this date of birth the case would have been"
                    + " reported on " + dates.reported() + ", before the child was born.");
        }
        if (!birth.plusYears(Eligibility.AGE_LIMIT).isAfter(dates.reported())) {
            throw new InvalidInput("eligibility-age", "value", "With this date of birth the child was "
                    + Eligibility.AGE_LIMIT + " or older when reported; the case should be closed as registered in error.");
        }
        if (idNumber != null) {
            ResidentId.check(idNumber, birth, "value");
        }
    }

    private static void checkDate(LocalDate date, CaseDates dates) {
        InputCheck check = new InputCheck();
        dates.check(check, date, "value");
        check.done();
    }

    @EventSourcingHandler
    void on(ChildRegistered event) {
        idNumber = event.child().idNumber();
    }

    @EventSourcingHandler
    void on(RecordCorrected event) {
        if (Correctable.CHILD_ID_NUMBER.corrects(event)) {
            idNumber = InputCheck.textOrNull(event.value());
        }
    }
}
