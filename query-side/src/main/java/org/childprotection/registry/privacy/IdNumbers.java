package org.childprotection.registry.privacy;

/**
 * The least of an identity number that lets a worker tell two children apart (docs/erasure.md): the region it was
 * issued in and its last four characters, {@code 110101********0016}. Only the case file shows the whole number.
 */
public final class IdNumbers {

    private static final int SHOWN_FIRST = 6;
    private static final int SHOWN_LAST = 4;

    private IdNumbers() {
    }

    /** Null stays null; a number too short to keep anything back is all stars. */
    public static String mask(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        int length = idNumber.length();
        if (length <= SHOWN_FIRST + SHOWN_LAST) {
            return "*".repeat(length);
        }
        return idNumber.substring(0, SHOWN_FIRST) + "*".repeat(length - SHOWN_FIRST - SHOWN_LAST)
                + idNumber.substring(length - SHOWN_LAST);
    }
}
