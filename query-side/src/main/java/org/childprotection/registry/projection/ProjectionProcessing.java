package org.childprotection.registry.projection;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childprotection.registry.integrity.MerkleLogAppender;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * How events reach the read models on a node that takes commands: every {@link Projection} in the command's own
 * transaction ({@link InlineProjections}), and the Merkle log in a pooled streaming processor that follows the log
 * in its settled order, one segment, each batch in one transaction with its token.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessing {

    @Bean(destroyMethod = "shutdown")
    public ProcessorWakeUp processorWakeUp() {
        return new ProcessorWakeUp();
    }

    /** Subscribed when created, so before the first command can be handled. */
    @Bean
    public InlineProjections inlineProjections(JdbcTemplate jdbc, List<Projection> projections, EventStore eventStore) {
        InlineProjections inline = new InlineProjections(jdbc, projections);
        inline.subscribeTo(eventStore);
        return inline;
    }

    @Bean
    public ConfigurerModule merkleLogProcessor(@Value("${registry.projections.batch-size:100}") int batchSize,
                                              ProcessorWakeUp wakeUp) {
        // the Merkle log appends leaves one after another: one segment, one stream in log order
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(MerkleLogAppender.NAME, (config, builder) ->
                        builder.messageSource(wakeUp.around(config.eventStore()))
                                .batchSize(batchSize)
                                .initialSegmentCount(1)));
    }
}
