package org.childprotection.registry.kernel;

import java.util.List;

/**
 * The metadata keys every command and event carries (actor, role, reason, correlation and request ids, address;
 * a command's jurisdictions and expected version).
 */
public final class CaseMetadata {

    public static final String ACTOR = "actor";
    public static final String ROLE = "role";
    public static final String REASON = "reason";
    public static final String CORRELATION_ID = "correlationId";
    public static final String REQUEST_ID = "requestId";
    /** The id the server made for the request (the client chooses {@link #REQUEST_ID}, so it proves nothing). */
    public static final String SERVER_REQUEST_ID = "serverRequestId";
    /** The address the request came from. */
    public static final String CLIENT_ADDRESS = "clientAddress";
    /** On a command only: the case version the caller based it on (HTTP If-Match); not copied onto events. */
    public static final String EXPECTED_VERSION = "expectedVersion";
    /**
     * On a command only: the actor's village-code prefixes (a list of strings), against which the case checks the
     * command's reach; not copied onto events, which name the actor and their role.
     */
    public static final String JURISDICTIONS = "jurisdictions";
    /**
     * On an assignment only: the named caseworker's village-code prefixes, which the API knows (the domain does not
     * know the users); the case checks them against its own village. Not copied onto events.
     */
    public static final String ASSIGNEE_JURISDICTIONS = "assigneeJurisdictions";

    /** The keys copied from a command onto each event it causes. */
    public static final List<String> PROPAGATED = List.of(ACTOR, ROLE, REASON, CORRELATION_ID, REQUEST_ID,
            SERVER_REQUEST_ID, CLIENT_ADDRESS);

    private CaseMetadata() {
    }
}
