package org.childprotection.registry.api.maintenance;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.childprotection.registry.projection.ProcessorStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code registry_processor_lag_events{processor=...}}: how many settled events each processor's slowest segment
 * has yet to read (the Merkle log's: the events not yet under a signed head). Worked out from the token store when
 * Prometheus scrapes.
 */
@Component
public class ProcessorLagMetrics implements MeterBinder {

    /** One scrape reads every gauge within milliseconds: they share one reading of the status. */
    private static final long READING_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private record Reading(long takenAt, List<ProcessorStatus.Processor> processors) {
    }

    private final EventProcessingConfiguration processing;
    private final ProcessorStatus status;
    private volatile Reading last = new Reading(0, List.of());

    public ProcessorLagMetrics(EventProcessingConfiguration processing, ProcessorStatus status) {
        this.processing = processing;
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing.eventProcessors().keySet().forEach(name ->
                Gauge.builder("registry.processor.lag.events", () -> lag(name))
                        .tag("processor", name)
                        .description("Settled events the processor's slowest segment has yet to read")
                        .register(registry));
    }

    private double lag(String processor) {
        return processors().stream().filter(p -> p.name().equals(processor))
                .mapToLong(ProcessorStatus.Processor::lag).findFirst().orElse(0);
    }

    private List<ProcessorStatus.Processor> processors() {
        Reading reading = last;
        long now = System.nanoTime();
        if (reading.processors().isEmpty() || now - reading.takenAt() > READING_NANOS) {
            reading = new Reading(now, status.all());
            last = reading;
        }
        return reading.processors();
    }
}
