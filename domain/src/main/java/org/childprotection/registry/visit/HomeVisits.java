package org.childprotection.registry.visit;

import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.kernel.CaseDates;
import org.childprotection.registry.kernel.Require;

import java.util.List;

/** Recording a home visit: on a date of the case, by someone, with what was seen. */
public final class HomeVisits {

    private HomeVisits() {
    }

    public static HomeVisitRecorded record(RecordHomeVisit command, CaseDates dates) {
        dates.check(command.visitDate(), "visitDate");
        Require.present(command.visitorRole(), "visitorRole");
        Require.text(command.observations(), "observations");
        List<RiskFactor> concerns = List.copyOf(Require.noNulls(
                command.concerns() == null ? List.<RiskFactor>of() : command.concerns(), "concerns"));
        return new HomeVisitRecorded(command.caseId(), command.visitDate(), command.visitorRole(), command.childSeen(),
                command.observations(), concerns);
    }
}
