package org.childprotection.registry.api.privacy;

import org.childprotection.registry.privacy.Retention;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention rules of the configuration; a malformed one has refused the start already (StartupChecks). */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    Retention retention(@Value("${" + Retention.PROPERTY + ":}") String rules) {
        return Retention.parse(rules);
    }
}
