package org.childprotection.registry.api.cases;

import org.axonframework.config.ConfigurerModule;
import org.childprotection.registry.childcase.ChildCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the domain's aggregate with Axon; the domain itself stays free of Spring annotations. */
@Configuration(proxyBeanMethods = false)
public class CaseCommandConfiguration {

    @Bean
    ConfigurerModule childCaseAggregate() {
        return configurer -> configurer.configureAggregate(ChildCase.class);
    }
}
