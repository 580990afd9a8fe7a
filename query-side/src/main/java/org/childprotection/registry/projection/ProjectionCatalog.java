package org.childprotection.registry.projection;

import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every projection of the query side, by name: what maintainers may rebuild. */
@Component
public class ProjectionCatalog {

    private final List<Projection> projections;

    public ProjectionCatalog(List<Projection> projections) {
        this.projections = projections.stream().sorted(Comparator.comparing(Projection::name)).toList();
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
}
