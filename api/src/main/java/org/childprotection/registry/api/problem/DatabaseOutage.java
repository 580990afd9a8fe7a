package org.childprotection.registry.api.problem;

import org.childprotection.registry.eventlog.DatabaseOutages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answer when the registry's database cannot be reached ({@link DatabaseOutages} says when): 503 with
 * {@code Retry-After}, never 500, because the request may simply be sent again once the database is back, and
 * the API recovers by itself.
 */
public final class DatabaseOutage {

    public static final String RULE = "database-unavailable";
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, RULE, "The registry's database is unavailable for the "
                + "moment; retry in " + RETRY_AFTER_SECONDS + " seconds. A command answered this way may have been "
                + "recorded only if a later read shows it.");
    }

    public static ResponseEntity<ProblemDetail> answer() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(problem());
    }
}
