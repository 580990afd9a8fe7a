package org.childprotection.registry.api.cases;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.api.web.RequestIds;
import org.childprotection.registry.childcase.CaseMetadata;
import org.childprotection.registry.projection.CaseProjectionWait;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The one way the API issues a command: the actor and role come from authentication, never from the body;
 * the answer waits (briefly) until the projections show the new version, so a following GET reflects it.
 */
@Component
public class CaseCommandSender {

    static final Duration READ_YOUR_WRITES = Duration.ofSeconds(1);

    private final CommandGateway commands;
    private final CaseProjectionWait projections;

    public CaseCommandSender(CommandGateway commands, CaseProjectionWait projections) {
        this.commands = commands;
        this.projections = projections;
    }

    public long send(RegistryUser user, String caseId, Object command, String reason) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(CaseMetadata.ACTOR, user.username());
        metadata.put(CaseMetadata.ROLE, user.role().name());
        metadata.put(CaseMetadata.REQUEST_ID, RequestIds.requestId());
        metadata.put(CaseMetadata.CORRELATION_ID, RequestIds.correlationId());
        if (reason != null && !reason.isBlank()) {
            metadata.put(CaseMetadata.REASON, reason);
        }
        Long version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(metadata)));
        projections.awaitVersion(caseId, version, READ_YOUR_WRITES);
        return version;
    }
}
