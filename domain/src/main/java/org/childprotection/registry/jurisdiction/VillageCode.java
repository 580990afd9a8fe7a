package org.childprotection.registry.jurisdiction;

import org.childprotection.registry.kernel.InvalidInput;

/**
 * A 12-digit statistical division code of a village. Its prefixes are the province (2 digits), prefecture (4),
 * county (6) and township (9); users are scoped by such prefixes.
 */
public final class VillageCode {

    private VillageCode() {
    }

    public static String check(String code, String field) {
        if (code == null || code.length() != 12 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInput("village-code", field, field + " must be a 12-digit village code.");
        }
        return code;
    }
}
