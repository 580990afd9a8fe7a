package org.childprotection.registry.api.maintenance;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.childprotection.registry.projection.ProcessorStatus;
import org.springframework.stereotype.Component;

import java.util.function.ToLongFunction;

/**
 * {@code registry_processor_lag_events{processor=...}}: how many settled events each projection's slowest
 * segment has yet to read; {@code registry_dead_letters{processor=...}}: how many events it has parked because
 * it could not apply them. Worked out from the token store and the dead-letter table when Prometheus scrapes.
 */
@Component
public class ProcessorLagMetrics implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final ProcessorStatus status;

    public ProcessorLagMetrics(EventProcessingConfiguration processing, ProcessorStatus status) {
        this.processing = processing;
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing.eventProcessors().keySet().forEach(name ->
                Gauge.builder("registry.processor.lag.events", () -> figure(name, ProcessorStatus.Processor::lag))
                        .tag("processor", name)
                        .description("Settled events the processor's slowest segment has yet to read")
                        .register(registry));
        processing.eventProcessors().keySet().forEach(name ->
                Gauge.builder("registry.dead.letters", () -> figure(name, ProcessorStatus.Processor::deadLetters))
                        .tag("processor", name)
                        .description("Events the processor parked because it could not apply them")
                        .register(registry));
    }

    private double figure(String processor, ToLongFunction<ProcessorStatus.Processor> figure) {
        return status.all().stream().filter(p -> p.name().equals(processor))
                .mapToLong(figure).findFirst().orElse(0);
    }
}
