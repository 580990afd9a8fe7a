package org.childprotection.registry.eventlog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.eventhandling.TrackingToken;

import java.util.Comparator;
import java.util.OptionalLong;

/**
 * A reader's position in the settled order of the event log: everything at or before
 * ({@code transactionId}, {@code globalIndex}) has been read. See {@link SettledEventStorageEngine} and
 * docs/reading-the-log-without-gaps.md. The tail, before every event, is (0, 0).
 */
public record SettledPosition(long transactionId, long globalIndex) implements TrackingToken, Comparable<SettledPosition> {

    public static final SettledPosition TAIL = new SettledPosition(0, 0);

    private static final Comparator<SettledPosition> ORDER =
            Comparator.comparingLong(SettledPosition::transactionId).thenComparingLong(SettledPosition::globalIndex);

    @JsonCreator
    public SettledPosition(@JsonProperty("transactionId") long transactionId,
                           @JsonProperty("globalIndex") long globalIndex) {
        this.transactionId = transactionId;
        this.globalIndex = globalIndex;
    }

    @Override
    public TrackingToken lowerBound(TrackingToken other) {
        return compareTo(settled(other)) <= 0 ? this : other;
    }

    @Override
    public TrackingToken upperBound(TrackingToken other) {
        return compareTo(settled(other)) >= 0 ? this : other;
    }

    @Override
    public boolean covers(TrackingToken other) {
        return other == null || compareTo(settled(other)) >= 0;
    }

    /** The global index of the last event read: what lag and progress figures count with. */
    @Override
    public OptionalLong position() {
        return OptionalLong.of(globalIndex);
    }

    @Override
    public int compareTo(SettledPosition other) {
        return ORDER.compare(this, other);
    }

    private static SettledPosition settled(TrackingToken other) {
        if (other instanceof SettledPosition position) {
            return position;
        }
        throw new IllegalArgumentException("Cannot compare a settled log position with " + other);
    }
}
