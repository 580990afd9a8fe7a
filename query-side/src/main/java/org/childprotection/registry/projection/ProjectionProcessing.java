package org.childprotection.registry.projection;

import org.axonframework.config.ConfigurerModule;
import org.childprotection.registry.integrity.MerkleLogAppender;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection runs in a pooled streaming processor named by its processing group. A batch of events is
 * handled in one database transaction together with the token update, so a projection row and the
 * processor's position never disagree. Every {@link Projection} parks what it cannot apply in a dead-letter queue
 * per case ({@link DeadLetterQueues}).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessing {

    @Bean(destroyMethod = "shutdown")
    public ProcessorWakeUp processorWakeUp() {
        return new ProcessorWakeUp();
    }

    @Bean
    public ConfigurerModule pooledProjectionProcessors(
            @Value("${registry.projections.batch-size:100}") int batchSize,
            @Value("${registry.projections.segments:2}") int segments,
            @Value("${registry.projections.max-segments-per-node:32767}") int maxSegmentsPerNode,
            ProcessorWakeUp wakeUp, DeadLetterQueues deadLetters, ObjectProvider<Projection> projections) {
        return configurer -> {
            configurer.eventProcessing(processing -> {
                processing
                        .usingPooledStreamingEventProcessors((config, builder) -> builder
                                .messageSource(wakeUp.around(config.eventStore()))
                                .batchSize(batchSize)
                                .initialSegmentCount(segments)
                                // below the segment count, several nodes each take part of every projection
                                .maxClaimedSegments(maxSegmentsPerNode))
                        // the Merkle log appends leaves one after another: one segment, one stream in log order
                        .registerPooledStreamingEventProcessorConfiguration(MerkleLogAppender.NAME, (config, builder) ->
                                builder.messageSource(wakeUp.around(config.eventStore()))
                                        .batchSize(batchSize)
                                        .initialSegmentCount(1));
                // a case a projection cannot apply is parked, the other cases flow on (see ParkingBatch);
                // the Merkle log is no projection and has none: passing an event by would break the log
                projections.forEach(projection -> processing.registerDeadLetterQueue(projection.name(),
                        config -> deadLetters.of(projection.name())));
            });
            configurer.onInitialize(config -> config.onStart(() -> config.eventBus().registerDispatchInterceptor(
                    messages -> {
                        wakeUp.eventsPublished();
                        return (index, message) -> message;
                    })));
        };
    }
}
