package org.childprotection.registry.kernel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The checks of one command's own fields, before anything that needs the case: each check notes what is wrong,
 * and {@link #done()} refuses the command once, naming every bad field (as a form shows all its mistakes
 * together). Each failure names the field in the caller's words.
 */
public final class InputCheck {

    /** Only an adult can be a guardian. */
    public static final int ADULT_AGE = 18;
    private static final int OLDEST_AGE = 120;

    private final List<InvalidInput.Problem> problems = new ArrayList<>();

    public <T> T present(T value, String field) {
        if (value == null) {
            refuse(field, InvalidInput.REQUIRED, field + " is required.");
        }
        return value;
    }

    public String text(String value, String field) {
        if (value == null || value.isBlank()) {
            refuse(field, InvalidInput.REQUIRED, field + " is required and may not be blank.");
        }
        return value;
    }

    /** A list that needs at least one entry, and no empty one. */
    public <E> List<E> notEmpty(Collection<E> values, String field) {
        if (values == null || values.isEmpty()) {
            refuse(field, InvalidInput.REQUIRED, field + " needs at least one entry.");
            return List.of();
        }
        return entries(values, field);
    }

    /** An optional list as recorded: absent is empty; an empty entry is refused. */
    public <E> List<E> entries(Collection<E> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            refuse(field, InvalidInput.REQUIRED, field + " may not contain empty entries.");
            return List.of();
        }
        return List.copyOf(values);
    }

    /** A date is never in the future, never before the child's birth and never before the case was reported. */
    public LocalDate caseDate(LocalDate date, String field, LocalDate birth, LocalDate reported) {
        if (present(date, field) == null) {
            return null;
        }
        if (date.isAfter(RegistryCalendar.today())) {
            refuse(field, "date-in-future", field + " " + date + " is in the future.");
        } else if (birth != null && date.isBefore(birth)) {
            refuse(field, "date-before-birth", field + " " + date + " is before the child's date of birth.");
        } else if (reported != null && date.isBefore(reported)) {
            refuse(field, "date-before-report",
                    field + " " + date + " is before the case was reported on " + reported + ".");
        }
        return date;
    }

    /** A person's age in years: 0 to 120. */
    public Integer age(Integer age, String field) {
        if (present(age, field) != null && (age < 0 || age > OLDEST_AGE)) {
            refuse(field, "age", field + " must be between 0 and " + OLDEST_AGE + ".");
        }
        return age;
    }

    /** A guardian's age: an adult, and at most 120. */
    public Integer adult(Integer age, String field) {
        if (present(age, field) == null) {
            return null;
        }
        if (age > OLDEST_AGE) {
            refuse(field, "age", field + " must be between " + ADULT_AGE + " and " + OLDEST_AGE + ".");
        } else if (age < ADULT_AGE) {
            refuse(field, "adult-required",
                    field + " must be at least " + ADULT_AGE + ": only an adult can be a guardian.");
        }
        return age;
    }

    /** A feature's own rule on the fields, written to throw (as {@code VillageCode.check}): its refusal is noted. */
    public void rule(Runnable check) {
        try {
            check.run();
        } catch (InvalidInput refusal) {
            problems.addAll(refusal.problems());
        }
    }

    /** Notes that {@code field} breaks {@code rule}. */
    public void refuse(String field, String rule, String message) {
        problems.add(new InvalidInput.Problem(field, rule, message));
    }

    /** Refuses the command, naming every bad field, if any check failed. */
    public void done() {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /** Optional text as recorded: blank is absent. */
    public static String textOrNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
