package org.childprotection.registry.projection;

import org.axonframework.config.ProcessingGroup;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The query side as the API runs it: {@link QuerySideWithoutProcessors}, and every projection and the Merkle log
 * (the {@code @ProcessingGroup} classes) each in its processor ({@link ProjectionProcessing}). The API, the benchmark's
 * command side and query-side's tests import it.
 */
@Configuration(proxyBeanMethods = false)
@Import({QuerySideWithoutProcessors.class, ProjectionProcessing.class})
@ComponentScan(basePackages = "org.childprotection.registry", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(ProcessingGroup.class),
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class QuerySide {
}
