package org.childprotection.registry.api.security;

import org.childprotection.registry.kernel.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for a user's jurisdictions, wherever the user comes from (configuration or a token): each is a prefix of
 * 12-digit village codes (0 to 12 digits), and the empty prefix, nationwide, is given only to oversight.
 */
public final class JurisdictionPrefixes {

    private static final Pattern PREFIX = Pattern.compile("\\d{0,12}");

    private JurisdictionPrefixes() {
    }

    /** Everything wrong with these prefixes for this role (a null role is checked for the form only). */
    public static List<String> problems(Role role, List<?> prefixes) {
        List<String> problems = new ArrayList<>();
        for (Object prefix : prefixes) {
            if (!(prefix instanceof String text) || !PREFIX.matcher(text).matches()) {
                problems.add("jurisdiction '" + prefix + "' is not a village-code prefix (0 to 12 digits)");
            } else if (text.isEmpty() && role != null && role != Role.OVERSIGHT) {
                problems.add("the nationwide jurisdiction \"\" is only for OVERSIGHT, not " + role
                        + "; give the village-code prefixes this user works in");
            }
        }
        return problems;
    }

    /** The first thing wrong with these prefixes for this role, or nothing when they are valid. */
    public static Optional<String> problem(Role role, List<?> prefixes) {
        return problems(role, prefixes).stream().findFirst();
    }
}
