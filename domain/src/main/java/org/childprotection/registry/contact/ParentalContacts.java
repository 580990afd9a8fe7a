package org.childprotection.registry.contact;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.childprotection.registry.kernel.CaseDates;
import org.childprotection.registry.kernel.InvalidInput;
import org.childprotection.registry.kernel.Require;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.registration.ParentStatus;

/** Recording the child's contact with a parent: on a date of the case, never with a parent recorded as deceased. */
public class ParentalContacts {

    private ParentStatus fatherStatus;
    private ParentStatus motherStatus;

    public ParentalContactRecorded record(RecordParentalContact command, CaseDates dates) {
        dates.check(command.date(), "date");
        ParentRole parent = Require.present(command.parent(), "parent");
        Require.present(command.channel(), "channel");
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
