package org.childprotection.registry.api.maintenance;

import org.childprotection.registry.projection.ProcessorStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Maintainers' view of every processor that follows the log (the Merkle log): positions, owners, lag, replaying.
 * No child data. Projections have none: each command applies its events to them in its own transaction.
 */
@RestController
public class ProcessorsController {

    private final ProcessorStatus status;

    public ProcessorsController(ProcessorStatus status) {
        this.status = status;
    }

    @GetMapping("/api/processors")
    List<ProcessorStatus.Processor> processors() {
        return status.all();
    }
}
