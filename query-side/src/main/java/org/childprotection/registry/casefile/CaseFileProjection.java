package org.childprotection.registry.casefile;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.childprotection.registry.projection.Projection;
import org.childprotection.registry.registration.ChildRegistered;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps one case_file row per case, folding each event of the case into it. */
@Component
@ProcessingGroup(CaseFileProjection.NAME)
public class CaseFileProjection implements Projection {

    public static final String NAME = "case-files";

    private final CaseFileRepository files;

    public CaseFileProjection(CaseFileRepository files) {
        this.files = files;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        apply(message, 0, "");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(CaseFileRepository.TABLE);
    }

    @Override
    public void apply(DomainEventMessage<?> message, long globalIndex, String tableSuffix) {
        CaseFileRepository target = files.withSuffix(tableSuffix);
        CaseFile file = target.find(message.getAggregateIdentifier()).orElseGet(CaseFile::new);
        if (!file.exists() && !(message.getPayload() instanceof ChildRegistered)) {
            throw new IllegalStateException("Event " + message.getIdentifier() + " belongs to a case without a file");
        }
        if (file.apply(message)) {
            target.save(file);
        }
    }

    @ResetHandler
    void reset() {
        files.deleteAll();
    }
}
