package org.childprotection.registry.intervention;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.childprotection.registry.kernel.InvalidInput;
import org.childprotection.registry.kernel.Require;
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
        Require.text(command.interventionId(), "interventionId");
        Require.present(command.grounds(), "grounds");
        Require.text(command.court(), "court");
        Require.text(command.reason(), "reason");
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
        Require.text(command.interventionId(), "interventionId");
        if (!interventions.contains(command.interventionId())) {
            throw new StateConflict("intervention-unknown",
                    "The case has no guardianship intervention " + command.interventionId() + ".");
        }
        if (!open.contains(command.interventionId())) {
            throw new StateConflict("intervention-decided",
                    "The court's decision on intervention " + command.interventionId() + " is already recorded.");
        }
        CourtAppointedGuardian guardian = command.newGuardian();
        if (command.granted()) {
            Require.present(guardian, "newGuardian");
            Require.text(guardian.name(), "newGuardian.name");
            Require.present(guardian.relationship(), "newGuardian.relationship");
            Require.adult(guardian.age(), "newGuardian.age");
        } else if (guardian != null) {
            throw new InvalidInput("guardian-without-grant", "newGuardian",
                    "The court refused the intervention, so no new guardian can be named.");
        }
        apply(new CourtDecisionRecorded(command.caseId(), command.interventionId(), command.granted(), guardian,
                Require.textOrNull(command.note())));
    }

    @EventSourcingHandler
    void on(CourtDecisionRecorded event) {
        open.remove(event.interventionId());
    }
}
