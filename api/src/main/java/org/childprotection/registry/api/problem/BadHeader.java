package org.childprotection.registry.api.problem;

/** A request header that is present but malformed (400, naming the header as the field). */
public class BadHeader extends RuntimeException {

    private final String header;

    public BadHeader(String header, String message) {
        super(message, null, false, false);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
