package org.childprotection.registry.visit;

import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.kernel.CaseDates;
import org.childprotection.registry.kernel.InputCheck;

import java.util.List;

/** Recording a home visit: on a date of the case, by someone, with what was seen. */
public final class HomeVisits {

    private HomeVisits() {
    }

    public static HomeVisitRecorded record(RecordHomeVisit command, CaseDates dates) {
        InputCheck check = new InputCheck();
        dates.check(check, command.visitDate(), "visitDate");
        check.present(command.visitorRole(), "visitorRole");
        check.present(command.childSeen(), "childSeen");
        check.text(command.observations(), "observations");
        List<RiskFactor> concerns = check.entries(command.concerns(), "concerns");
        check.done();
        return new HomeVisitRecorded(command.caseId(), command.visitDate(), command.visitorRole(), command.childSeen(),
                command.observations(), concerns);
    }
}
