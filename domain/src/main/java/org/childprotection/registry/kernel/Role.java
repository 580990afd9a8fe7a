package org.childprotection.registry.kernel;

/** What a user of the registry may do; see docs/domain.md "Users and what they may do". */
public enum Role {
    CASEWORKER,
    SUPERVISOR,
    OVERSIGHT,
    MAINTAINER,
    /** An oversight body's witness: reads signed heads and consistency proofs, posts cosignatures; no case data. */
    WITNESS
}
