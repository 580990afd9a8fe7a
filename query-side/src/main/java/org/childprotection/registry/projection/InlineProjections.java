package org.childprotection.registry.projection;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.SubscribableMessageSource;
import org.childprotection.registry.eventlog.DatabaseOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-your-writes without a pipeline: the events a command records are applied to every projection's live tables
 * in the command's own transaction, just after Axon appended them (the event store hands its subscribers the
 * events of a unit of work at that moment, on the same connection). The command's answer, the event and the rows
 * that show it commit together or not at all, so the next read on any node shows the command.
 * <p>
 * A projection that cannot apply an event refuses the command ({@link ProjectionRefused}): nothing of it is
 * recorded, which is the honest answer at that moment. A rebuild reads the log itself ({@link ProjectionRebuild}).
 */
public class InlineProjections {

    private static final Logger log = LoggerFactory.getLogger(InlineProjections.class);

    private final JdbcTemplate jdbc;
    private final List<Projection> projections;

    public InlineProjections(JdbcTemplate jdbc, List<Projection> projections) {
        this.jdbc = jdbc;
        this.projections = List.copyOf(projections);
    }

    public Registration subscribeTo(SubscribableMessageSource<EventMessage<?>> eventStore) {
        return eventStore.subscribe(this::apply);
    }

    void apply(List<? extends EventMessage<?>> messages) {
        List<DomainEventMessage<?>> events = messages.stream()
                .filter(DomainEventMessage.class::isInstance)
                .<DomainEventMessage<?>>map(DomainEventMessage.class::cast)
                .toList();
        if (events.isEmpty()) {
            return;
        }
        Map<String, Long> indexes = globalIndexes(events);
        List<Projection.Positioned> run = events.stream()
                .map(event -> new Projection.Positioned(asStored(event), indexes.get(event.getIdentifier())))
                .toList();
        for (Projection projection : projections) {
            try {
                projection.applyAll(run, ProjectionTarget.LIVE);
            } catch (RuntimeException failure) {
                if (DatabaseOutages.isOutage(failure)) {
                    throw failure;
                }
                DomainEventMessage<?> first = events.get(0);
                // names, not messages: a message may quote the event's personal data
                log.error("Projection {} refused a {} of case {} ({}); the command was not recorded",
                        projection.name(), first.getPayloadType().getSimpleName(), first.getAggregateIdentifier(),
                        failure.getClass().getName());
                throw new ProjectionRefused(projection.name(), failure);
            }
        }
    }

    /**
     * The event as the log holds it, so that the rows are those a rebuild writes: the log keeps its time to the
     * millisecond.
     */
    private static DomainEventMessage<?> asStored(DomainEventMessage<?> event) {
        return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event, DateTimeUtils.parseInstant(DateTimeUtils.formatInstant(
                        event.getTimestamp())));
    }

    /** The positions Axon's append gave the events, read back in the same transaction. */
    private Map<String, Long> globalIndexes(List<DomainEventMessage<?>> events) {
        Map<String, Long> indexes = new HashMap<>();
        jdbc.query("SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier = ANY (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar",
                        events.stream().map(DomainEventMessage::getIdentifier).toArray())),
                rs -> {
                    indexes.put(rs.getString(1), rs.getLong(2));
                });
        if (indexes.size() != events.size()) {
            throw new IllegalStateException("The events just appended are not all visible to their own transaction");
        }
        return indexes;
    }
}
