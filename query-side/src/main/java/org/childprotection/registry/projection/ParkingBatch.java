package org.childprotection.registry.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.childprotection.registry.eventlog.DatabaseOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link UnitOfWorkBatch} whose failures are parked per case. A projection writes its batch when the batch
 * commits, after Axon's dead-lettering handler has already accepted every event, so a failure there would
 * otherwise fail the whole batch again and again and stop every case. Instead the run is tried in a savepoint;
 * when it fails, each case's events are applied one by one, and the event that fails is parked in the
 * projection's dead-letter queue together with the case's later events of the batch. Axon then parks the case's
 * later events as they arrive. Everything happens in the batch's transaction: the other cases' rows, the dead
 * letters and the processor's token commit together, so nothing is lost or written twice.
 * <p>
 * A failure of the database itself (connection lost, serialization conflict, ...) is no fault of one case: it fails
 * the batch, which the processor retries.
 */
@Component
public class ParkingBatch {

    private static final Logger log = LoggerFactory.getLogger(ParkingBatch.class);

    private final DeadLetterQueues queues;
    private final Savepoint savepoint;

    public ParkingBatch(DeadLetterQueues queues, Savepoint savepoint) {
        this.queues = queues;
        this.savepoint = savepoint;
    }

    /** As {@link UnitOfWorkBatch#add}, for the projection (processing group) {@code projection}. */
    public void add(String projection, Projection.Positioned event, Consumer<List<Projection.Positioned>> applyAll) {
        UnitOfWorkBatch.add(projection, event, run -> {
            if (CurrentUnitOfWork.isStarted()) {
                applyParkingFailures(projection, run, applyAll);
            } else {
                applyAll.accept(run);
            }
        });
    }

    private void applyParkingFailures(String projection, List<Projection.Positioned> run,
                                      Consumer<List<Projection.Positioned>> applyAll) {
        RuntimeException failure = savepoint.attempt(() -> applyAll.accept(run));
        if (failure == null) {
            return;
        }
        rethrowIfTheDatabaseFailed(failure);
        Map<String, List<Projection.Positioned>> byCase = new LinkedHashMap<>();
        run.forEach(e -> byCase.computeIfAbsent(e.event().getAggregateIdentifier(), id -> new ArrayList<>())
                .add(e));
        byCase.forEach((caseId, events) -> {
            for (int i = 0; i < events.size(); i++) {
                Projection.Positioned event = events.get(i);
                RuntimeException caseFailure = savepoint.attempt(() -> applyAll.accept(List.of(event)));
                if (caseFailure != null) {
                    rethrowIfTheDatabaseFailed(caseFailure);
                    park(projection, caseId, events.subList(i, events.size()), caseFailure);
                    return;
                }
            }
        });
    }

    private void park(String projection, String caseId, List<Projection.Positioned> events, RuntimeException cause) {
        // the event id and the exception type only: messages may quote the child's data
        log.warn("{} parks event {} and {} later event(s) of its case in the dead-letter queue: {}", projection,
                events.get(0).event().getIdentifier(), events.size() - 1, cause.getClass().getName());
        SequencedDeadLetterQueue<EventMessage<?>> queue = queues.of(projection);
        queue.enqueue(caseId, new GenericDeadLetter<EventMessage<?>>(caseId, events.get(0).event(), cause));
        events.subList(1, events.size())
                .forEach(e -> queue.enqueue(caseId, new GenericDeadLetter<EventMessage<?>>(caseId, e.event())));
    }

    private static void rethrowIfTheDatabaseFailed(RuntimeException failure) {
        if (DatabaseOutages.isOutage(failure)) {
            throw failure;
        }
    }
}
