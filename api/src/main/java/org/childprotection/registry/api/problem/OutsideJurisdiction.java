package org.childprotection.registry.api.problem;

/** A write aimed at a village outside the caller's jurisdiction (403; a read of such a case is a 404). */
public class OutsideJurisdiction extends RuntimeException {

    public OutsideJurisdiction(String message) {
        super(message, null, false, false);
    }
}
