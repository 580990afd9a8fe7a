package org.childprotection.registry.eventlog;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import org.childprotection.registry.kernel.CaseMetadata;
import org.childprotection.registry.privacy.PersonalDataSeal;
import org.axonframework.common.DateTimeUtils;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Axon's JDBC storage engine, except that tracking readers see the log in its <em>settled order</em>: only
 * events whose writing transaction PostgreSQL reports as finished, ordered by transaction id, then global
 * index. Every event row records its transaction id ({@code tx_id}, a column default). A transaction that
 * is still open has an id at or above the snapshot's {@code xmin}, so its events, and those of every later
 * transaction, wait until it ends; none is ever passed over. Why, and the alternatives: see
 * docs/reading-the-log-without-gaps.md.
 */
public class SettledEventStorageEngine extends JdbcEventStorageEngine {

    /** Where the settled part of the log ends for this statement's snapshot. */
    private static final String SETTLED = "tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

    private final TransactionManager transactionManager;
    private final PersonalDataSeal seal;

    public SettledEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager,
                                     PersonalDataSeal seal) {
        super(builder);
        this.transactionManager = transactionManager;
        this.seal = seal;
    }

    /**
     * A command's reason is personal data as much as the event's own free text (docs/erasure.md): it goes into the
     * log sealed with the case's key. The events the unit of work hands to its subscribers keep it readable.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        events.stream().filter(e -> e instanceof DomainEventMessage<?> d && d.getSequenceNumber() == 0)
                .forEach(e -> seal.newCase(((DomainEventMessage<?>) e).getAggregateIdentifier()));
        super.appendEvents(events.stream().map(this::withReasonSealed).toList(), serializer);
    }

    private EventMessage<?> withReasonSealed(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain
                && event.getMetaData().get(CaseMetadata.REASON) instanceof String reason) {
            return domain.andMetaData(Map.of(CaseMetadata.REASON,
                    seal.sealValue(reason, domain.getAggregateIdentifier())));
        }
        return event;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return fetch(lastToken == null ? SettledPosition.TAIL : (SettledPosition) lastToken, SETTLED, batchSize);
    }

    /**
     * Every event committed after {@code after}, settled or not: for a reader that holds the tables which every
     * transaction still open must write before it commits (a rebuild's switch, with the projection's tables locked),
     * so an event it does not see here is one that will be applied to the tables after it.
     */
    public List<TrackedEventMessage<?>> readCommittedAfter(SettledPosition after) {
        return EventUtils.upcastAndDeserializeTrackedEvents(fetch(after, "true", Integer.MAX_VALUE).stream(),
                getEventSerializer(), upcasterChain).toList();
    }

    private List<? extends TrackedEventData<?>> fetch(SettledPosition after, String condition, int batchSize) {
        EventSchema schema = schema();
        String sql = "SELECT tx_id, " + trackedEventFields() + " FROM " + schema.domainEventTable()
                + " WHERE (tx_id, " + schema.globalIndexColumn() + ") > (?, ?) AND " + condition
                + " ORDER BY tx_id, " + schema.globalIndexColumn() + " LIMIT ?";
        return transactionManager.fetchInTransaction(() -> JdbcUtils.executeQuery(getConnection(),
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(sql);
                    statement.setLong(1, after.transactionId());
                    statement.setLong(2, after.globalIndex());
                    statement.setInt(3, batchSize);
                    return statement;
                },
                this::trackedEvents,
                e -> new EventStoreException("Failed to read events after " + after, e)));
    }

    private List<TrackedEventData<?>> trackedEvents(ResultSet rs) throws SQLException {
        EventSchema schema = schema();
        List<TrackedEventData<?>> events = new ArrayList<>();
        while (rs.next()) {
            String aggregateIdentifier = rs.getString(schema.aggregateIdentifierColumn());
            String eventIdentifier = rs.getString(schema.eventIdentifierColumn());
            GenericDomainEventEntry<?> event = new GenericDomainEventEntry<>(
                    rs.getString(schema.typeColumn()),
                    eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                    rs.getLong(schema.sequenceNumberColumn()),
                    eventIdentifier,
                    readTimeStamp(rs, schema.timestampColumn()),
                    rs.getString(schema.payloadTypeColumn()),
                    rs.getString(schema.payloadRevisionColumn()),
                    readPayload(rs, schema.payloadColumn()),
                    readPayload(rs, schema.metaDataColumn()));
            SettledPosition position = new SettledPosition(rs.getLong("tx_id"), rs.getLong(schema.globalIndexColumn()));
            events.add(new TrackedDomainEventData<>(position, event));
        }
        return events;
    }

    @Override
    public TrackingToken createTailToken() {
        return SettledPosition.TAIL;
    }

    /** The last settled event; a reader starting here sees every event settled after this moment. */
    @Override
    public TrackingToken createHeadToken() {
        return positionOf("WHERE " + SETTLED + " ORDER BY tx_id DESC, " + schema().globalIndexColumn() + " DESC",
                null).orElse(SettledPosition.TAIL);
    }

    /** Just before the first settled event recorded at or after {@code dateTime}; the head when there is none. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return positionOf("WHERE " + SETTLED + " AND " + schema().timestampColumn() + " >= ? ORDER BY tx_id, "
                + schema().globalIndexColumn(), DateTimeUtils.formatInstant(dateTime))
                .map(first -> (TrackingToken) new SettledPosition(first.transactionId(), first.globalIndex() - 1))
                .orElseGet(this::createHeadToken);
    }

    private java.util.Optional<SettledPosition> positionOf(String where, String parameter) {
        String sql = "SELECT tx_id, " + schema().globalIndexColumn() + " FROM " + schema().domainEventTable()
                + " " + where + " LIMIT 1";
        return transactionManager.fetchInTransaction(() -> JdbcUtils.executeQuery(getConnection(),
                (Connection connection) -> {
                    PreparedStatement statement = connection.prepareStatement(sql);
                    if (parameter != null) {
                        statement.setString(1, parameter);
                    }
                    return statement;
                },
                rs -> rs.next() ? java.util.Optional.of(new SettledPosition(rs.getLong(1), rs.getLong(2)))
                        : java.util.Optional.<SettledPosition>empty(),
                e -> new EventStoreException("Failed to find a position in the log", e)));
    }
}
