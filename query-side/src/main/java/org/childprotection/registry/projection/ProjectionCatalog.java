package org.childprotection.registry.projection;


import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every projection in the code, found by type, instantiated for the tool without being registered as event
 * handlers: inside replay-tools nothing processes events unless a subcommand applies them itself.
 */
public class ProjectionCatalog {

    private final List<Projection> projections;

    public ProjectionCatalog(AutowireCapableBeanFactory beans) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Projection.class));
        this.projections = scanner.findCandidateComponents("org.childprotection.registry").stream()
                .map(definition -> (Projection) beans.createBean(load(definition.getBeanClassName())))
                .sorted(Comparator.comparing(Projection::name))
                .toList();
    }

    public List<Projection> all() {
        return projections;
    }

    public Optional<Projection> named(String name) {
        return projections.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return projections.stream().map(Projection::name).toList();
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
