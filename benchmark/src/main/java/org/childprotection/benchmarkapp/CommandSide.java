package org.childprotection.benchmarkapp;

import org.childprotection.registry.eventlog.CaseCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.childprotection.registry.childcase.ChildCase;
import org.childprotection.registry.projection.QuerySide;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The registry without its web layer: the aggregate (cached, as in the API), the event store, the processors and
 * projections, as the API runs them ({@link QuerySide}). Outside the registry's packages, so that nothing scans it
 * by accident.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(QuerySide.class)
public class CommandSide {

    @Bean
    ConfigurerModule childCaseAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ChildCase.class)
                .configureCache(config -> CaseCache.of(10_000)));
    }
}
