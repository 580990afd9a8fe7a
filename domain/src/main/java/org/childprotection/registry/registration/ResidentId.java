package org.childprotection.registry.registration;

import org.childprotection.registry.kernel.InvalidInput;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The 18-character resident identity number (GB 11643): 17 digits, then an ISO 7064 MOD 11-2 check
 * character (0-9 or X); characters 7 to 14 are the holder's date of birth.
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private ResidentId() {
    }

    public static void check(String idNumber, LocalDate dateOfBirth, String field) {
        if (idNumber.length() != 18 || !idNumber.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInput("resident-id-format", field,
                    "The resident ID number must be 17 digits followed by a digit or X (18 characters).");
        }
        if (Character.toUpperCase(idNumber.charAt(17)) != checkCharacter(idNumber.substring(0, 17))) {
            throw new InvalidInput("resident-id-check", field,
                    "The resident ID number's check character is wrong; please re-read the number from the card.");
        }
        LocalDate encoded;
        try {
            encoded = LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)),
                    Integer.parseInt(idNumber.substring(10, 12)), Integer.parseInt(idNumber.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidInput("resident-id-birth-date", field,
                    "The resident ID number does not contain a valid date of birth.");
        }
        if (!encoded.equals(dateOfBirth)) {
            throw new InvalidInput("resident-id-birth-date", field,
                    "The resident ID number gives the date of birth " + encoded
                            + ", which does not match the child's date of birth " + dateOfBirth + ".");
        }
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
