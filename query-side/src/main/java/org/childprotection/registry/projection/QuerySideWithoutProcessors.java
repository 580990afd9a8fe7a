package org.childprotection.registry.projection;

import org.axonframework.config.ProcessingGroup;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The query side with no event handler: the event log, the read models' repositories, the integrity log and the
 * projection engine's services (rebuild, dead letters, status, reconciliation). For contexts that apply events
 * themselves, replay-tools and the benchmark's rebuild; {@link QuerySide} adds the processors.
 * <p>
 * It scans the registry's packages, so a component added to the query side is found without a list to update. The
 * API's package is its own to scan; test configurations are left out as Spring Boot leaves them out
 * ({@link TypeExcludeFilter}).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = "org.childprotection.registry", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.childprotection\\.registry\\.api\\..*"),
        @ComponentScan.Filter(ProcessingGroup.class),
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = {QuerySide.class, ProjectionProcessing.class})})
public class QuerySideWithoutProcessors {
}
