package org.childprotection.registry.api.cases;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.childprotection.registry.api.problem.BadHeader;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.api.web.RequestIds;
import org.childprotection.registry.accesslog.AccessLog;
import org.childprotection.registry.kernel.CaseMetadata;
import org.childprotection.registry.kernel.Role;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way the API issues a command: the actor, role and jurisdictions come from authentication, never from the
 * body; the case itself checks the jurisdiction against the village it knows (a projection can lag or hold a case
 * back), and answers a case outside it as one that does not exist; an {@code If-Match} version travels to the
 * aggregate, which checks it under its lock. The case file and the history are written in the command's own
 * transaction ({@code InlineProjections}), so when the answer comes the next GET on any node shows the command.
 */
@Component
public class CaseCommandSender {

    private static final Pattern ENTITY_TAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private final CommandGateway commands;

    public CaseCommandSender(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * The registry itself, when it sends a command of its own (an erasure request once a retention has passed):
     * a supervisor's role over every village, and a name no sign-in can take (docs/erasure.md).
     */
    public static final RegistryUser REGISTRY = new RegistryUser("system", "", Role.SUPERVISOR, List.of(""));

    /** A command that opens a case. */
    public long register(RegistryUser user, Object command, String reason) {
        return dispatch(user, command, reason, null, Map.of());
    }

    /** A command the registry sends on its own, outside any request; answers the case's version. */
    public long sendAsRegistry(Object command, String reason) {
        return dispatch(REGISTRY, command, reason, null, Map.of());
    }

    /** The command a body asks for, on an existing case; answers as the body says. */
    public <C> CommandAnswer send(CaseCommandContext on, CommandBody<C> body) {
        return send(on, body, Map.of());
    }

    /** As {@link #send(CaseCommandContext, CommandBody)}, with what the API knows and the case needs besides. */
    public <C> CommandAnswer send(CaseCommandContext on, CommandBody<C> body, Map<String, ?> knownToTheApi) {
        Long expected = expectedVersion(on.ifMatch());
        C command = body.toCommand(on.target());
        return body.answer(on.target(), command,
                dispatch(on.user(), command, body.auditReason(), expected, knownToTheApi));
    }

    private long dispatch(RegistryUser user, Object command, String reason, Long expectedVersion,
                          Map<String, ?> knownToTheApi) {
        Map<String, Object> metadata = new HashMap<>(knownToTheApi);
        metadata.put(CaseMetadata.ACTOR, user.username());
        metadata.put(CaseMetadata.ROLE, user.role().name());
        metadata.put(CaseMetadata.JURISDICTIONS, user.jurisdictions());
        AccessLog.Origin origin = RequestIds.origin();
        if (origin != null) {
            metadata.put(CaseMetadata.REQUEST_ID, RequestIds.requestId());
            metadata.put(CaseMetadata.SERVER_REQUEST_ID, origin.serverRequestId());
            metadata.put(CaseMetadata.CLIENT_ADDRESS, origin.clientAddress());
            metadata.put(CaseMetadata.CORRELATION_ID, RequestIds.correlationId());
        }
        if (reason != null && !reason.isBlank()) {
            metadata.put(CaseMetadata.REASON, reason);
        }
        if (expectedVersion != null) {
            metadata.put(CaseMetadata.EXPECTED_VERSION, expectedVersion);
        }
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(metadata)));
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
