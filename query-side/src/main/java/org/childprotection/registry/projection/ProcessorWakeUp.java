package org.childprotection.registry.projection;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the pooled processors when this node has committed events. The embedded event store's streams offer no
 * availability callback, so a pooled processor with nothing to do would look again only every 500 ms; each
 * command then waited that long before its case file showed it. The streams handed to the processors here
 * accept a callback, which is called right after a local commit (and shortly after, while the store's own reader
 * catches up), and every {@link #POLL_MILLIS} ms for events committed by other nodes.
 */
public class ProcessorWakeUp {

    static final long POLL_MILLIS = 250;
    private static final long[] AFTER_COMMIT_MILLIS = {0, 15, 60, 150};

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "processor-wake-up");
        thread.setDaemon(true);
        return thread;
    });

    public ProcessorWakeUp() {
        timer.scheduleWithFixedDelay(this::wakeAll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Call when events are published: wakes the processors once the unit of work has committed them. */
    public void eventsPublished() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> afterCommit());
        } else {
            afterCommit();
        }
    }

    private void afterCommit() {
        for (long delay : AFTER_COMMIT_MILLIS) {
            timer.schedule(this::wakeAll, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void wakeAll() {
        callbacks.forEach(Runnable::run);
    }

    public void shutdown() {
        timer.shutdownNow();
    }

    /** The source the processors read, with streams that take an availability callback. */
    public StreamableMessageSource<TrackedEventMessage<?>> around(StreamableMessageSource<TrackedEventMessage<?>> source) {
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
                return new WakingStream(source.openStream(trackingToken));
            }

            @Override
            public TrackingToken createTailToken() {
                return source.createTailToken();
            }

            @Override
            public TrackingToken createHeadToken() {
                return source.createHeadToken();
            }

            @Override
            public TrackingToken createTokenAt(Instant dateTime) {
                return source.createTokenAt(dateTime);
            }
        };
    }

    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        WakingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            Runnable previous = callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            callback = onAvailable;
            callbacks.add(onAvailable);
            return true;
        }

        @Override
        public void close() {
            Runnable current = callback;
            if (current != null) {
                callbacks.remove(current);
            }
            delegate.close();
        }
    }
}
