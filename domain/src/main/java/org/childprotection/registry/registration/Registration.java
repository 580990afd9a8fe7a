package org.childprotection.registry.registration;

import org.childprotection.registry.jurisdiction.VillageCode;
import org.childprotection.registry.kernel.RegistryCalendar;
import org.childprotection.registry.kernel.Require;

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
        Require.text(command.caseId(), "caseId");
        Child child = checkChild(Require.present(command.child(), "child"));
        Parent father = checkParent(command.father(), "father");
        Parent mother = checkParent(command.mother(), "mother");
        Caregiver caregiver = command.caregiver();
        if (caregiver != null) {
            Require.text(caregiver.name(), "caregiver.name");
            Require.present(caregiver.relationship(), "caregiver.relationship");
            Require.present(caregiver.capacity(), "caregiver.capacity");
            Require.age(Require.present(caregiver.age(), "caregiver.age"), "caregiver.age");
        }
        Report report = Require.present(command.report(), "report");
        Require.present(report.source(), "report.source");
        Require.text(report.description(), "report.description");
        List<MandatoryReportingTrigger> triggers = List.copyOf(Require.noNulls(
                report.triggers() == null ? List.<MandatoryReportingTrigger>of() : report.triggers(), "report.triggers"));
        Eligibility.check(child, father, mother, RegistryCalendar.today());

        List<Object> events = new ArrayList<>();
        events.add(new ChildRegistered(command.caseId(), child, father, mother, caregiver,
                new Report(report.source(), triggers, report.description()), RegistryCalendar.now(), caseworker));
        if (!triggers.isEmpty()) {
            events.add(new PoliceNotified(command.caseId(), triggers));
        }
        return events;
    }

    private static Child checkChild(Child child) {
        Require.text(child.name(), "child.name");
        Require.present(child.sex(), "child.sex");
        Require.caseDate(child.dateOfBirth(), "child.dateOfBirth", null, null);
        Require.present(child.hukou(), "child.hukou");
        VillageCode.check(child.villageCode(), "child.villageCode");
        String idNumber = child.idNumber() == null || child.idNumber().isBlank()
                ? null : child.idNumber().strip().toUpperCase();
        if (idNumber != null) {
            ResidentId.check(idNumber, child.dateOfBirth(), "child.idNumber");
        }
        return child.withIdNumber(idNumber);
    }

    private static Parent checkParent(Parent parent, String field) {
        Require.present(parent, field);
        Require.present(parent.status(), field + ".status");
        return parent;
    }
}
