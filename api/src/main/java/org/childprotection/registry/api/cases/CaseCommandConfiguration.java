package org.childprotection.registry.api.cases;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.childprotection.registry.childcase.ChildCase;
import org.childprotection.registry.eventlog.CaseCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the domain's aggregate with Axon; the domain itself stays free of Spring annotations. */
@Configuration(proxyBeanMethods = false)
public class CaseCommandConfiguration {

    /** Cached between commands ({@link CaseCache}). */
    @Bean
    ConfigurerModule childCaseAggregate(@Value("${registry.commands.cached-cases:10000}") long cachedCases) {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ChildCase.class)
                .configureCache(config -> CaseCache.of(cachedCases)));
    }
}
