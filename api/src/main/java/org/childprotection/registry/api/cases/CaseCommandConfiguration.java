package org.childprotection.registry.api.cases;

import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.childprotection.registry.childcase.ChildCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the domain's aggregate with Axon; the domain itself stays free of Spring annotations. */
@Configuration(proxyBeanMethods = false)
public class CaseCommandConfiguration {

    /**
     * Cached between commands, so that a command does not read the case's whole history again; a stale copy
     * (another node changed the case) fails on the event table's unique key and is answered 409.
     */
    @Bean
    ConfigurerModule childCaseAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ChildCase.class)
                .configureCache(config -> new WeakReferenceCache()));
    }
}
