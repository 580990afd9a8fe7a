package org.childprotection.registry.kernel;

/**
 * The case lies outside the actor's jurisdiction, as the case itself knows its village. For the user this case
 * does not exist: the API answers it exactly as a missing case (404), so the refusal names nothing but the case.
 */
public final class OutsideJurisdiction extends CaseRefusal {

    public static final String RULE = "outside-jurisdiction";

    private final String caseId;

    public OutsideJurisdiction(String caseId) {
        super(RULE, "There is no case " + caseId + " in your jurisdiction.");
        this.caseId = caseId;
    }

    public String caseId() {
        return caseId;
    }
}
