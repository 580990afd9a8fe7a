package org.childprotection.registry.privacy;

/** Nothing more can be sealed for a case whose key an erasure destroyed (its case refuses every command first). */
public class CaseErased extends IllegalStateException {

    public CaseErased(String caseId) {
        super("Case " + caseId + " is erased: its data key is destroyed");
    }
}
