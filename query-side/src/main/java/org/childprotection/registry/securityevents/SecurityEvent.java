package org.childprotection.registry.securityevents;

import java.time.Instant;

/**
 * One row of the security events: a sign-in that failed, was refused while throttled or was recorded beside them,
 * or a signed-in user's attempt on an existing case outside their jurisdiction. {@code id} is 0 until stored.
 */
public record SecurityEvent(long id, Instant occurredAt, Kind kind, String username, String role, String address,
                            Means means, String caseId, String method, String path, Integer status, String requestId) {

    public enum Kind { SIGN_IN_FAILED, SIGN_IN_THROTTLED, SIGN_IN_SUCCEEDED, CASE_OUTSIDE_JURISDICTION }

    /** How credentials came: an HTTP Basic header, the sign-in form (a session), or a bearer token. */
    public enum Means { BASIC, FORM, BEARER }

    public static SecurityEvent signIn(Kind kind, Instant at, String username, String address, Means means,
                                       String method, String path, Integer status, String requestId) {
        return new SecurityEvent(0, at, kind, username, null, address, means, null, method, path, status, requestId);
    }

    public static SecurityEvent caseAttempt(Instant at, String username, String role, String address, String caseId,
                                            String method, String path, Integer status, String requestId) {
        return new SecurityEvent(0, at, Kind.CASE_OUTSIDE_JURISDICTION, username, role, address, null, caseId, method,
                path, status, requestId);
    }
}
