package org.childprotection.registry.api;

import org.childprotection.registry.projection.QuerySide;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The registry's HTTP API: its own package, and the query side with its projections running here ({@link QuerySide});
 * scheduling signs new tree heads as the Merkle log grows.
 */
@SpringBootApplication
@Import(QuerySide.class)
@ConfigurationPropertiesScan("org.childprotection.registry")
@EnableScheduling
public class RegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistryApplication.class, args);
    }
}
