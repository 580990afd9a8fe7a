package org.childprotection.registry.api.cases;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.childprotection.registry.api.problem.BadHeader;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.api.web.RequestIds;
import org.childprotection.registry.kernel.CaseMetadata;
import org.childprotection.registry.projection.CaseProjectionWait;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way the API issues a command: the actor, role and jurisdictions come from authentication, never from the
 * body; the case itself checks the jurisdiction against the village it knows (a projection can lag or hold a case
 * back), and answers a case outside it as one that does not exist; an {@code If-Match} version travels to the
 * aggregate, which checks it under its lock; the answer waits
 * (briefly) until the projections show the new version, so that a following GET reflects it.
 */
@Component
public class CaseCommandSender {

    /** How long an answer may wait for the projections: milliseconds normally, longer only under heavy load. */
    static final Duration READ_YOUR_WRITES = Duration.ofSeconds(10);
    private static final Pattern ENTITY_TAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private final CommandGateway commands;
    private final CaseProjectionWait projections;

    public CaseCommandSender(CommandGateway commands, CaseProjectionWait projections) {
        this.commands = commands;
        this.projections = projections;
    }

    /** A command that opens a case. */
    public long register(RegistryUser user, String caseId, Object command, String reason) {
        return dispatch(user, caseId, command, reason, null, Map.of());
    }

    /** The command a body asks for, on an existing case; answers as the body says. */
    public <C> CommandAnswer send(CaseCommandContext on, CommandBody<C> body) {
        return send(on, body, Map.of());
    }

    /** As {@link #send(CaseCommandContext, CommandBody)}, with what the API knows and the case needs besides. */
    public <C> CommandAnswer send(CaseCommandContext on, CommandBody<C> body, Map<String, ?> knownToTheApi) {
        Long expected = expectedVersion(on.ifMatch());
        String caseId = on.target().caseId();
        C command = body.toCommand(on.target());
        return body.answer(on.target(), command,
                dispatch(on.user(), caseId, command, body.auditReason(), expected, knownToTheApi));
    }

    private long dispatch(RegistryUser user, String caseId, Object command, String reason, Long expectedVersion,
                          Map<String, ?> knownToTheApi) {
        Map<String, Object> metadata = new HashMap<>(knownToTheApi);
        metadata.put(CaseMetadata.ACTOR, user.username());
        metadata.put(CaseMetadata.ROLE, user.role().name());
        metadata.put(CaseMetadata.JURISDICTIONS, user.jurisdictions());
        metadata.put(CaseMetadata.REQUEST_ID, RequestIds.requestId());
        metadata.put(CaseMetadata.SERVER_REQUEST_ID, RequestIds.origin().serverRequestId());
        metadata.put(CaseMetadata.CLIENT_ADDRESS, RequestIds.origin().clientAddress());
        metadata.put(CaseMetadata.CORRELATION_ID, RequestIds.correlationId());
        if (reason != null && !reason.isBlank()) {
            metadata.put(CaseMetadata.REASON, reason);
        }
        if (expectedVersion != null) {
            metadata.put(CaseMetadata.EXPECTED_VERSION, expectedVersion);
        }
        Long version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(metadata)));
        try {
            projections.awaitVersion(caseId, version, READ_YOUR_WRITES);
        } catch (DataAccessException e) {
            // the command is stored: answer it, as when the wait times out, rather than a 503 that invites a repeat
        }
        return version;
    }

    /** {@code "3"}, {@code 3} or {@code W/"3"}; {@code *} or no header means any version. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new BadHeader("If-Match", "If-Match must be the case's version as an entity tag, such as \"3\".");
        }
        return Long.parseLong(matcher.group(1));
    }
}
