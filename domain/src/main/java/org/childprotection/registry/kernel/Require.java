package org.childprotection.registry.kernel;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/** Field checks shared by every command handler; each failure names the field in the caller's words. */
public final class Require {

    /** Only an adult can be a guardian. */
    public static final int ADULT_AGE = 18;
    private static final int OLDEST_AGE = 120;

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidInput("required", field, field + " is required.");
        }
        return value;
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("required", field, field + " is required and may not be blank.");
        }
        return value;
    }

    public static <T extends Collection<?>> T notEmpty(T values, String field) {
        if (values == null || values.isEmpty()) {
            throw new InvalidInput("required", field, field + " needs at least one entry.");
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInput("required", field, field + " may not contain empty entries.");
        }
        return values;
    }

    public static <T extends Collection<?>> T noNulls(T values, String field) {
        if (values != null && values.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInput("required", field, field + " may not contain empty entries.");
        }
        return values;
    }

    /** A date is never in the future, never before the child's birth and never before the case was reported. */
    public static LocalDate caseDate(LocalDate date, String field, LocalDate birth, LocalDate reported) {
        present(date, field);
        if (date.isAfter(RegistryCalendar.today())) {
            throw new InvalidInput("date-in-future", field, field + " " + date + " is in the future.");
        }
        if (birth != null && date.isBefore(birth)) {
            throw new InvalidInput("date-before-birth", field,
                    field + " " + date + " is before the child's date of birth.");
        }
        if (reported != null && date.isBefore(reported)) {
            throw new InvalidInput("date-before-report", field,
                    field + " " + date + " is before the case was reported on " + reported + ".");
        }
        return date;
    }

    /** A person's age in years: 0 to 120. */
    public static int age(int age, String field) {
        if (age < 0 || age > OLDEST_AGE) {
            throw new InvalidInput("age", field, field + " must be between 0 and " + OLDEST_AGE + ".");
        }
        return age;
    }

    /** A guardian's age: an adult, and at most 120. */
    public static int adult(int age, String field) {
        if (age > OLDEST_AGE) {
            throw new InvalidInput("age", field, field + " must be between " + ADULT_AGE + " and " + OLDEST_AGE + ".");
        }
        if (age < ADULT_AGE) {
            throw new InvalidInput("adult-required", field,
                    field + " must be at least " + ADULT_AGE + ": only an adult can be a guardian.");
        }
        return age;
    }

    /** Optional text as recorded: blank is absent. */
    public static String textOrNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
