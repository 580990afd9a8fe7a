package org.childprotection.registry.closure;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

import java.time.Instant;

/** The case is REPORTED again and needs a new assessment, due as for a new report. */
@Revision("1")
public record CaseReopened(String caseId, @PersonalData String reason, Instant reopenedAt) {
}
