package org.childprotection.registry.casefile;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.childprotection.registry.privacy.PersonalDataSeal;
import org.childprotection.registry.projection.Projection;
import org.childprotection.registry.projection.ProjectionTarget;
import org.childprotection.registry.registration.ChildRegistered;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Keeps one case_file row per case, folding each event of the case into it. */
@Component
public class CaseFileProjection extends Projection {

    public static final String NAME = "case-files";

    private final CaseFileRepository files;
    private final Serializer log;
    private final PersonalDataSeal seal;

    public CaseFileProjection(CaseFileRepository files, @Qualifier("eventSerializer") Serializer log,
                              PersonalDataSeal seal) {
        super(NAME);
        this.files = files;
        this.log = log;
        this.seal = seal;
    }

    @Override
    public List<String> tables() {
        return List.of(CaseFileRepository.TABLE);
    }

    /**
     * Folds each case's events of the run into its file in memory, then writes every changed file at once. A
     * rebuild's copy cannot hold a file that it did not answer here, so those go in with COPY.
     */
    @Override
    public void applyAll(List<Positioned> events, ProjectionTarget target) {
        CaseFileRepository tables = files.in(target);
        Map<String, CaseFile> byCase = tables.findAll(events.stream()
                .map(e -> e.event().getAggregateIdentifier()).collect(Collectors.toSet()));
        Set<String> stored = Set.copyOf(byCase.keySet());
        Map<String, CaseFile> changed = new LinkedHashMap<>();
        for (Positioned positioned : events) {
            DomainEventMessage<?> message = positioned.event();
            CaseFile file = byCase.computeIfAbsent(message.getAggregateIdentifier(), id -> new CaseFile());
            requireFile(file, message);
            if (file.apply(message, payload(message, target))) {
                changed.put(message.getAggregateIdentifier(), file);
            }
        }
        if (target == ProjectionTarget.REBUILD) {
            Map<Boolean, List<CaseFile>> byStored = changed.values().stream()
                    .collect(Collectors.partitioningBy(file -> stored.contains(file.caseId())));
            tables.saveAll(byStored.get(true));
            tables.copyAll(byStored.get(false));
        } else {
            tables.saveAll(changed.values());
        }
    }

    /**
     * The event as the file reads it. A rebuild reads the events whose personal fields the file keeps nothing of
     * from the log with those fields left sealed; commands hand over their events as they are.
     */
    private Object payload(DomainEventMessage<?> message, ProjectionTarget target) {
        Class<?> type = message.getPayloadType();
        if (target == ProjectionTarget.REBUILD && CaseFile.keepsNoPersonalFieldOf(type)) {
            return seal.openWithoutPersonalData(message.serializePayload(log, byte[].class).getData(), type);
        }
        return message.getPayload();
    }

    private static void requireFile(CaseFile file, DomainEventMessage<?> message) {
        if (!file.exists() && message.getPayloadType() != ChildRegistered.class) {
            throw new IllegalStateException("Event " + message.getIdentifier() + " belongs to a case without a file");
        }
    }
}
