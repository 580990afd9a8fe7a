package org.childprotection.registry.kernel;

import java.time.LocalDate;

/** The two dates every other date of a case must follow: the child's birth and the report. */
public record CaseDates(LocalDate birth, LocalDate reported) {

    /** A date of the case's work: not in the future, not before the birth, not before the report. */
    public LocalDate check(InputCheck check, LocalDate date, String field) {
        return check.caseDate(date, field, birth, reported);
    }

    public CaseDates bornOn(LocalDate correctedBirth) {
        return new CaseDates(correctedBirth, reported);
    }
}
