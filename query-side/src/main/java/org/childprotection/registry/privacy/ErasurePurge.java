package org.childprotection.registry.privacy;

/**
 * A copy of a case's data kept outside the log and the projections (an idempotent command's stored answer, say):
 * removed in the transaction that erases the case.
 */
public interface ErasurePurge {

    void purge(String caseId);
}
