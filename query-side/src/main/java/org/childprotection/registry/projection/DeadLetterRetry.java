package org.childprotection.registry.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Retries a projection's parked cases once each, oldest letter first: every letter that now applies is removed
 * from the queue in the same transaction as the rows it writes; the first that fails again stays parked, with its
 * case's later letters, under the new cause. Used by the API and by replay-tools, so it applies events with the
 * projection's own {@link Projection#applyAll} rather than through a running processor.
 */
@Component
public class DeadLetterRetry {

    public record Result(String projection, long lettersBefore, long lettersAfter, long casesAfter) {
    }

    private final DeadLetterQueues queues;
    private final Savepoint savepoint;
    private final TransactionTemplate transactions;

    public DeadLetterRetry(DeadLetterQueues queues, Savepoint savepoint, TransactionTemplate transactions) {
        this.queues = queues;
        this.savepoint = savepoint;
        this.transactions = transactions;
    }

    public Result retry(Projection projection) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queues.of(projection.name());
        long before = queue.size();
        for (String caseId : parkedCases(queue)) {
            transactions.executeWithoutResult(status -> queue.process(
                    first -> caseId.equals(caseOf(first)),
                    letter -> apply(projection, letter)));
        }
        return new Result(projection.name(), before, queue.size(), queue.amountOfSequences());
    }

    private EnqueueDecision<EventMessage<?>> apply(Projection projection, DeadLetter<? extends EventMessage<?>> letter) {
        DomainEventMessage<?> event = (DomainEventMessage<?>) letter.message();
        RuntimeException failure = savepoint.attempt(
                () -> projection.applyAll(List.of(new Projection.Positioned(event, globalIndex(event))), ProjectionTarget.LIVE));
        return failure == null ? Decisions.evict() : Decisions.requeue(failure);
    }

    private static List<String> parkedCases(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<String> cases = new ArrayList<>();
        queue.deadLetters().forEach(sequence -> cases.add(caseOf(sequence.iterator().next())));
        return cases;
    }

    private static String caseOf(DeadLetter<? extends EventMessage<?>> letter) {
        return ((DomainEventMessage<?>) letter.message()).getAggregateIdentifier();
    }

    private static long globalIndex(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElseThrow();
        }
        throw new IllegalStateException("Dead letter " + event.getIdentifier() + " has no position in the log");
    }
}
