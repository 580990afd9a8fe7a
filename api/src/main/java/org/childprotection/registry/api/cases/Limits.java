package org.childprotection.registry.api.cases;

/** Length limits of request fields, in characters. */
final class Limits {

    static final int NAME = 100;
    static final int LINE = 200;
    static final int REASON = 1000;
    static final int TEXT = 4000;

    private Limits() {
    }
}
