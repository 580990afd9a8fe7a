package org.childprotection.registry.api.cases;

/** The answer to every accepted command: the case and its version after the command. */
public record CommandAnswer(String caseId, long version) {
}
