package org.childprotection.registry.kernel;

/** The command was based on a version of the case that is no longer current (an HTTP 412). */
public final class StaleVersion extends CaseRefusal {

    public StaleVersion(long expected, long current) {
        super("stale-version", "The case has changed since you read it: it is at version " + current
                + ", your request was based on version " + expected + ". Read the case again and retry.");
    }
}
