package org.childprotection.registry.projection;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection runs in a pooled streaming processor named by its processing group. A batch of events is
 * handled in one database transaction together with the token update, so a projection row and the
 * processor's position never disagree.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessing {

    @Bean
    public ConfigurerModule pooledProjectionProcessors(
            @Value("${registry.projections.batch-size:100}") int batchSize,
            @Value("${registry.projections.segments:2}") int segments) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((config, builder) -> builder
                        .batchSize(batchSize)
                        .initialSegmentCount(segments)));
    }
}
