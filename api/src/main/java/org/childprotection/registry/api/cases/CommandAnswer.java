package org.childprotection.registry.api.cases;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to every accepted command: the case and its version after it, and the id a command created. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandAnswer(String caseId, long version, String referralId, String interventionId) {

    public CommandAnswer(String caseId, long version) {
        this(caseId, version, null, null);
    }
}
