package org.childprotection.registry.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.childprotection.registry.casefile.CaseFileProjection;
import org.childprotection.registry.eventlog.SettledEventStorageEngine;
import org.childprotection.registry.history.CaseHistoryProjection;
import org.childprotection.registry.integrity.IntegrityVerifier;
import org.childprotection.registry.integrity.MerkleLogAppender;
import org.childprotection.registry.testsupport.UniqueTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two configurations that the API, replay-tools and the benchmark import, each started as the tools start it:
 * outside a {@code @SpringBootTest}, with this module's test classes (and their test configurations) on the class
 * path.
 */
class QuerySideConfigurationTest {

    @TestConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(QuerySideWithoutProcessors.class)
    static class Tool {
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(QuerySide.class)
    static class Api {
    }

    @Test
    void without_processors_no_event_is_handled_and_a_rebuild_and_a_retry_have_what_they_need() {
        try (ConfigurableApplicationContext context = start(Tool.class)) {
            assertThat(context.getBeansOfType(BatchedEventHandler.class)).isEmpty();
            assertThat(context.getBean(EventProcessingConfiguration.class).eventProcessors()).isEmpty();
            assertThat(context.getBean(EventStorageEngine.class)).as("the settled reader, not a test's stock reader")
                    .isInstanceOf(SettledEventStorageEngine.class);
            Stream.of(ProjectionRebuild.class, ProcessorStatus.class, Reconciliation.class,
                    IntegrityVerifier.class).forEach(context::getBean);
            assertThat(context.getBeansOfType(InlineProjections.class)).as("no command is handled here").isEmpty();
            assertThat(context.getBean(ProjectionCatalog.class).names())
                    .containsExactly(CaseFileProjection.NAME, CaseHistoryProjection.NAME);
        }
    }

    @Test
    void with_processors_the_merkle_log_follows_the_log_and_every_projection_is_applied_inline() {
        try (ConfigurableApplicationContext context = start(Api.class)) {
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            assertThat(processing.eventProcessors().keySet()).containsExactly(MerkleLogAppender.NAME);
            assertThat(processing.deadLetterQueue(MerkleLogAppender.NAME)).as("the Merkle log stops, it never skips")
                    .isEmpty();
            assertThat(context.getBean(InlineProjections.class)).isNotNull();
            assertThat(context.getBean(ProjectionCatalog.class).names())
                    .containsExactly(CaseFileProjection.NAME, CaseHistoryProjection.NAME);
            assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(SettledEventStorageEngine.class);
        }
    }

    private static ConfigurableApplicationContext start(Class<?> configuration) {
        String[] arguments = Stream.concat(Stream.of(UniqueTestDatabase.createForArguments()),
                Stream.of("--axon.axonserver.enabled=false", "--spring.main.banner-mode=off")).toArray(String[]::new);
        return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE).run(arguments);
    }
}
