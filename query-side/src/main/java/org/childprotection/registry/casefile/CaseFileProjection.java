package org.childprotection.registry.casefile;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.childprotection.registry.registration.ChildRegistered;
import org.springframework.stereotype.Component;

/** Keeps one case_file row per case, folding each event of the case into it. */
@Component
@ProcessingGroup(CaseFileProjection.NAME)
public class CaseFileProjection {

    public static final String NAME = "case-files";

    private final CaseFileRepository files;

    public CaseFileProjection(CaseFileRepository files) {
        this.files = files;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        CaseFile file = files.find(message.getAggregateIdentifier()).orElseGet(CaseFile::new);
        if (!file.exists() && !(event instanceof ChildRegistered)) {
            throw new IllegalStateException("Event " + message.getIdentifier() + " belongs to a case without a file");
        }
        if (file.apply(message)) {
            files.save(file);
        }
    }

    @ResetHandler
    void reset() {
        files.deleteAll();
    }
}
