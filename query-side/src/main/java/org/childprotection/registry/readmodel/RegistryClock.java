package org.childprotection.registry.readmodel;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The clock behind "overdue" and "due" answers; tests replace it to stand at a chosen instant. */
@Configuration(proxyBeanMethods = false)
public class RegistryClock {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
