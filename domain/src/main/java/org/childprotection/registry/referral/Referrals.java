package org.childprotection.registry.referral;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.childprotection.registry.kernel.InputCheck;
import org.childprotection.registry.kernel.StateConflict;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The case's referrals to services, each known by its id: a referral is made once, and takes outcomes until
 * one of them closes it.
 */
public class Referrals {

    private final Set<String> referrals = new HashSet<>();
    private final Set<String> open = new HashSet<>();

    @CommandHandler
    void handle(ReferToService command) {
        InputCheck check = new InputCheck();
        check.text(command.referralId(), "referralId");
        check.present(command.service(), "service");
        check.text(command.provider(), "provider");
        check.done();
        if (referrals.contains(command.referralId())) {
            throw new StateConflict("referral-exists", "The case already has a referral " + command.referralId() + ".");
        }
        apply(new ServiceReferred(command.caseId(), command.referralId(), command.service(), command.provider(),
                InputCheck.textOrNull(command.note())));
    }

    @EventSourcingHandler
    void on(ServiceReferred event) {
        referrals.add(event.referralId());
        open.add(event.referralId());
    }

    @CommandHandler
    void handle(RecordReferralOutcome command) {
        InputCheck check = new InputCheck();
        check.text(command.referralId(), "referralId");
        check.present(command.outcome(), "outcome");
        check.done();
        if (!referrals.contains(command.referralId())) {
            throw new StateConflict("referral-unknown", "The case has no referral " + command.referralId() + ".");
        }
        if (!open.contains(command.referralId())) {
            throw new StateConflict("referral-closed", "Referral " + command.referralId()
                    + " already has a final outcome; refer the child again if more help is needed.");
        }
        apply(new ReferralOutcomeRecorded(command.caseId(), command.referralId(), command.outcome(),
                InputCheck.textOrNull(command.note())));
    }

    @EventSourcingHandler
    void on(ReferralOutcomeRecorded event) {
        if (event.outcome().closesReferral()) {
            open.remove(event.referralId());
        }
    }
}
