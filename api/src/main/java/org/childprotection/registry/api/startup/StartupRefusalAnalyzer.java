package org.childprotection.registry.api.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start as Spring Boot prints any failed start: the problems, one a line, and what to do. */
public class StartupRefusalAnalyzer extends AbstractFailureAnalyzer<StartupRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefused cause) {
        return new FailureAnalysis("The registry refuses to start (nothing was written):\n"
                + String.join("\n", cause.problems()),
                "Correct each line above (the README's production set-up; docs/database-roles.md). "
                        + "A local trial with public demo users runs with --spring.profiles.active=demo.",
                cause);
    }
}
