package org.childprotection.registry.api.cases;

/** What a command's path names: the case, and the referral or intervention where the path has one (else null). */
public record CaseTarget(String caseId, String referralId, String interventionId) {
}
