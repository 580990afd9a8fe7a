package org.childprotection.registry.api.maintenance;

import org.childprotection.registry.projection.DeadLetterRetry;
import org.childprotection.registry.projection.ProcessorStatus;
import org.childprotection.registry.projection.Projection;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/**
 * Maintainers' view of every projection's processor: positions, owners, lag, replaying, dead letters; and the
 * retry of a projection's dead letters. No child data.
 */
@RestController
public class ProcessorsController {

    private final ProcessorStatus status;
    private final List<Projection> projections;
    private final DeadLetterRetry deadLetters;

    public ProcessorsController(ProcessorStatus status, List<Projection> projections, DeadLetterRetry deadLetters) {
        this.status = status;
        this.projections = projections;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/processors")
    List<ProcessorStatus.Processor> processors() {
        return status.all();
    }

    /** Applies each parked case again; what still fails stays parked. The answer counts what is left. */
    @PostMapping(path = "/api/processors/{name}/dead-letters/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    DeadLetterRetry.Result retryDeadLetters(@PathVariable String name) {
        Projection projection = projections.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No projection with dead letters is called " + name + "."));
        return deadLetters.retry(projection);
    }
}
