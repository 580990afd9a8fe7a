package org.childprotection.registry.api.startup;

import java.util.List;

/** The registry will not start in this configuration: each problem is one line that says what to change. */
public class StartupRefused extends RuntimeException {

    private final List<String> problems;

    public StartupRefused(List<String> problems) {
        super("The registry refuses to start:\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
