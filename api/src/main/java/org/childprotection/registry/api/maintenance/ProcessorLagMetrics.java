package org.childprotection.registry.api.maintenance;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.childprotection.registry.projection.ProcessorStatus;
import org.springframework.stereotype.Component;

/**
 * {@code registry_processor_lag_events{processor=...}}: how many settled events each projection's slowest
 * segment has yet to read. Worked out from the token store when Prometheus scrapes.
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
                Gauge.builder("registry.processor.lag.events", () -> lag(name))
                        .tag("processor", name)
                        .description("Settled events the processor's slowest segment has yet to read")
                        .register(registry));
    }

    private double lag(String processor) {
        return status.all().stream().filter(p -> p.name().equals(processor))
                .mapToLong(ProcessorStatus.Processor::lag).findFirst().orElse(0);
    }
}
