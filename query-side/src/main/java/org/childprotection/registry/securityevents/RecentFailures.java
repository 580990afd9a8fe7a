package org.childprotection.registry.securityevents;

import java.time.Instant;

/**
 * The failed and throttled sign-ins that count against one attempt: those of its username since the username's
 * last recorded sign-in, and those from its address, each within the window before the latest of them. A last of
 * null means none.
 */
public record RecentFailures(long ofUsername, Instant lastOfUsername, long fromAddress, long usernamesFromAddress,
                             Instant lastFromAddress) {

    public static final RecentFailures NONE = new RecentFailures(0, null, 0, 0, null);
}
