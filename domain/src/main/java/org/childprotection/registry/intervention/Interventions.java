package org.childprotection.registry.intervention;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.childprotection.registry.kernel.InputCheck;
import org.childprotection.registry.kernel.StateConflict;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The case's guardianship interventions before the court, each known by its id: one at a time, and a
 * granted decision names the new guardian, an adult.
 */
public class Interventions {

    private final Set<String> interventions = new HashSet<>();
    private final Set<String> open = new HashSet<>();

    @CommandHandler
    void handle(FileGuardianshipIntervention command) {
        InputCheck check = new InputCheck();
        check.text(command.interventionId(), "interventionId");
        check.present(command.grounds(), "grounds");
        check.text(command.court(), "court");
        check.text(command.reason(), "reason");
        check.done();
        if (interventions.contains(command.interventionId())) {
            throw new StateConflict("intervention-exists",
                    "The case already has an intervention " + command.interventionId() + ".");
        }
        if (!open.isEmpty()) {
            throw new StateConflict("intervention-pending", "A guardianship intervention is already before the court;"
                    + " record its decision before filing another.");
        }
        apply(new GuardianshipInterventionFiled(command.caseId(), command.interventionId(), command.grounds(),
                command.court(), command.reason()));
    }

    @EventSourcingHandler
    void on(GuardianshipInterventionFiled event) {
        interventions.add(event.interventionId());
        open.add(event.interventionId());
    }

    @CommandHandler
    void handle(RecordCourtDecision command) {
        InputCheck check = new InputCheck();
        check.text(command.interventionId(), "interventionId");
        NewGuardian guardian = command.newGuardian();
        if (Boolean.TRUE.equals(check.present(command.granted(), "granted"))) {
            if (guardian == null) {
                check.refuse("newGuardian", "new-guardian-required",
                        "The court granted the intervention: name the new guardian it appointed.");
            } else {
                check.text(guardian.name(), "newGuardian.name");
                check.present(guardian.relationship(), "newGuardian.relationship");
                check.adult(guardian.age(), "newGuardian.age");
            }
        } else if (command.granted() != null && guardian != null) {
            check.refuse("newGuardian", "guardian-without-grant",
                    "The court refused the intervention, so no new guardian can be named.");
        }
        check.done();
        if (!interventions.contains(command.interventionId())) {
            throw new StateConflict("intervention-unknown",
                    "The case has no guardianship intervention " + command.interventionId() + ".");
        }
        if (!open.contains(command.interventionId())) {
            throw new StateConflict("intervention-decided",
                    "The court's decision on intervention " + command.interventionId() + " is already recorded.");
        }
        apply(new CourtDecisionRecorded(command.caseId(), command.interventionId(), command.granted(),
                guardian == null ? null : guardian.appointed(), InputCheck.textOrNull(command.note())));
    }

    @EventSourcingHandler
    void on(CourtDecisionRecorded event) {
        open.remove(event.interventionId());
    }
}
