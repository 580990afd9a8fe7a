package org.childprotection.registry.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The registry's HTTP API. Scans the whole registry package so that the query side's projections run here;
 * scheduling signs new tree heads as the Merkle log grows.
 */
@SpringBootApplication(scanBasePackages = "org.childprotection.registry")
@ConfigurationPropertiesScan("org.childprotection.registry")
@EnableScheduling
public class RegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistryApplication.class, args);
    }
}
