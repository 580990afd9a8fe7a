package org.childprotection.registry.api.problem;

/** No such case, or one the caller may not know exists: both answer 404 alike. */
public class CaseNotFound extends RuntimeException {

    private final String caseId;

    public CaseNotFound(String caseId) {
        super(null, null, false, false);
        this.caseId = caseId;
    }

    public String caseId() {
        return caseId;
    }
}
