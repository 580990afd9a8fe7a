package org.childprotection.registry.contact;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.childprotection.registry.kernel.CaseDates;
import org.childprotection.registry.kernel.InputCheck;
import org.childprotection.registry.kernel.InvalidInput;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.registration.ParentStatus;

/** Recording the child's contact with a parent: on a date of the case, never with a parent recorded as deceased. */
public class ParentalContacts {

    private ParentStatus fatherStatus;
    private ParentStatus motherStatus;

    public ParentalContactRecorded record(RecordParentalContact command, CaseDates dates) {
        InputCheck check = new InputCheck();
        dates.check(check, command.date(), "date");
        ParentRole parent = check.present(command.parent(), "parent");
        check.present(command.channel(), "channel");
        check.done();
        ParentStatus status = parent == ParentRole.FATHER ? fatherStatus : motherStatus;
        if (status == ParentStatus.DECEASED) {
            throw new InvalidInput("parent-deceased", "parent", "The child's " + parent.name().toLowerCase()
                    + " is recorded as deceased; no contact can be recorded with them.");
        }
        return new ParentalContactRecorded(command.caseId(), command.date(), parent, command.channel());
    }

    @EventSourcingHandler
    void on(ChildRegistered event) {
        fatherStatus = event.father().status();
        motherStatus = event.mother().status();
    }
}
