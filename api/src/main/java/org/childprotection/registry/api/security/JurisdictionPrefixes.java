package org.childprotection.registry.api.security;

import org.childprotection.registry.kernel.Role;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for a user's jurisdictions, wherever the user comes from: each is a prefix of 12-digit village codes
 * (0 to 12 digits), and the empty prefix, nationwide, is given only to oversight.
 */
public final class JurisdictionPrefixes {

    private static final Pattern PREFIX = Pattern.compile("\\d{0,12}");

    private JurisdictionPrefixes() {
    }

    /** What is wrong with these prefixes for this role, or nothing when they are valid. */
    public static Optional<String> problem(Role role, List<?> prefixes) {
        for (Object prefix : prefixes) {
            if (!(prefix instanceof String text) || !PREFIX.matcher(text).matches()) {
                return Optional.of("the jurisdiction " + prefix + " is not a village-code prefix (0 to 12 digits)");
            }
            if (text.isEmpty() && role != Role.OVERSIGHT) {
                return Optional.of("the nationwide jurisdiction (the empty prefix) is only for OVERSIGHT, not " + role);
            }
        }
        return Optional.empty();
    }
}
