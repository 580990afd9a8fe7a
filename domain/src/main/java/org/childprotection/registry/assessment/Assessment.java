package org.childprotection.registry.assessment;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.childprotection.registry.emergency.EmergencyDeclared;
import org.childprotection.registry.guardian.EntrustedGuardianRecorded;
import org.childprotection.registry.intervention.CourtDecisionRecorded;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.InputCheck;
import org.childprotection.registry.kernel.RegistryCalendar;
import org.childprotection.registry.kernel.StateConflict;

import java.util.List;

/**
 * Assessing the risk: not while a closure awaits its decision, and a case in
 * EMERGENCY leaves it for a lower colour only once somebody cares for the child: an entrusted or
 * court-appointed guardian, or a temporary-care placement. The colour's status is the case's to apply.
 */
public class Assessment {

    private boolean careOnRecord;

    public RiskAssessed assess(RecordRiskAssessment command, CaseStatus status) {
        InputCheck check = new InputCheck();
        check.present(command.riskLevel(), "riskLevel");
        check.text(command.summary(), "summary");
        List<RiskFactor> factors = check.entries(command.factors(), "factors");
        check.done();
        if (status == CaseStatus.CLOSURE_REQUESTED) {
            throw new StateConflict("closure-pending", "A closure request is pending; a supervisor must approve"
                    + " or reject it before a new assessment is recorded (declare an emergency if the child is in danger).");
        }
        CaseStatus next = command.riskLevel().status();
        if (status == CaseStatus.EMERGENCY && next != CaseStatus.EMERGENCY && !careOnRecord) {
            throw new StateConflict("emergency-needs-care", "The case stays in EMERGENCY: record an entrusted or"
                    + " court-appointed guardian, or a temporary-care placement, before assessing a lower colour.");
        }
        return new RiskAssessed(command.caseId(), command.riskLevel(), factors, command.summary(),
                RegistryCalendar.now());
    }

    @EventSourcingHandler
    void on(EntrustedGuardianRecorded event) {
        careOnRecord = true;
    }

    @EventSourcingHandler
    void on(CourtDecisionRecorded event) {
        careOnRecord |= event.granted();
    }

    @EventSourcingHandler
    void on(EmergencyDeclared event) {
        careOnRecord |= event.placement() != null;
    }
}
