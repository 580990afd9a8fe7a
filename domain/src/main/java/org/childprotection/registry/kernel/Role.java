package org.childprotection.registry.kernel;

/** What a user of the registry may do; see SPEC §2 "Roles". */
public enum Role {
    CASEWORKER,
    SUPERVISOR,
    OVERSIGHT,
    MAINTAINER
}
