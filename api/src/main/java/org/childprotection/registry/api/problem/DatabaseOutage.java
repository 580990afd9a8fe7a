package org.childprotection.registry.api.problem;

import org.childprotection.registry.eventlog.DatabaseOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.Optional;

/**
 * The answer when the registry's database cannot be reached ({@link DatabaseOutages} says when): 503 with
 * {@code Retry-After}, never 500, because the request may simply be sent again once the database is back, and
 * the API recovers by itself. Given by the advice inside controllers and by a filter around everything else.
 */
public final class DatabaseOutage {

    public static final String RULE = "database-unavailable";
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private DatabaseOutage() {
    }

    /** The 503 answer when {@code failure} is a database outage; empty when it is anything else. */
    public static Optional<ResponseEntity<ProblemDetail>> answerTo(Throwable failure) {
        if (!DatabaseOutages.isOutage(failure)) {
            return Optional.empty();
        }
        // the exception's class only: messages may quote request data
        log.warn("Database unavailable ({}); answered 503", failure.getClass().getName());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        return Optional.of(Problems.answer(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, RULE, "The registry's "
                + "database is unavailable for the moment; retry in " + RETRY_AFTER_SECONDS + " seconds. A command "
                + "answered this way may have been recorded only if a later read shows it."), headers));
    }
}
