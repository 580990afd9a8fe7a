package org.childprotection.registry.registration;

import org.childprotection.registry.jurisdiction.VillageCode;
import org.childprotection.registry.kernel.InputCheck;
import org.childprotection.registry.kernel.RegistryCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Opening a case: every field the report needs, an eligible child, and the police
 * told at once when the report names a mandatory-reporting trigger.
 */
public final class Registration {

    private Registration() {
    }

    /** The events that open the case, the registering user becoming its caseworker. */
    public static List<Object> register(RegisterChild command, String caseworker) {
        InputCheck check = new InputCheck();
        check.text(command.caseId(), "caseId");
        Child child = checkChild(check, check.present(command.child(), "child"));
        Parent father = checkParent(check, command.father(), "father");
        Parent mother = checkParent(check, command.mother(), "mother");
        Caregiver caregiver = command.caregiver();
        if (caregiver != null) {
            check.text(caregiver.name(), "caregiver.name");
            check.present(caregiver.relationship(), "caregiver.relationship");
            check.present(caregiver.capacity(), "caregiver.capacity");
            check.age(caregiver.age(), "caregiver.age");
        }
        Report report = check.present(command.report(), "report");
        List<MandatoryReportingTrigger> triggers = List.of();
        if (report != null) {
            check.present(report.source(), "report.source");
            check.text(report.description(), "report.description");
            triggers = check.entries(report.triggers(), "report.triggers");
        }
        check.done();
        Eligibility.check(child, father, mother, RegistryCalendar.today());

        List<Object> events = new ArrayList<>();
        events.add(new ChildRegistered(command.caseId(), child, father, mother, caregiver,
                new Report(report.source(), triggers, report.description()), RegistryCalendar.now(), caseworker));
        if (!triggers.isEmpty()) {
            events.add(new PoliceNotified(command.caseId(), triggers));
        }
        return events;
    }

    /** The child as recorded (the resident ID number in capitals, blank as absent), or null when absent. */
    private static Child checkChild(InputCheck check, Child child) {
        if (child == null) {
            return null;
        }
        check.text(child.name(), "child.name");
        check.present(child.sex(), "child.sex");
        LocalDate born = check.caseDate(child.dateOfBirth(), "child.dateOfBirth", null, null);
        check.present(child.hukou(), "child.hukou");
        check.rule(() -> VillageCode.check(child.villageCode(), "child.villageCode"));
        String idNumber = child.idNumber() == null || child.idNumber().isBlank()
                ? null : child.idNumber().strip().toUpperCase();
        if (idNumber != null && born != null) {
            check.rule(() -> ResidentId.check(idNumber, born, "child.idNumber"));
        }
        return child.withIdNumber(idNumber);
    }

    private static Parent checkParent(InputCheck check, Parent parent, String field) {
        if (check.present(parent, field) != null) {
            check.present(parent.status(), field + ".status");
        }
        return parent;
    }
}
