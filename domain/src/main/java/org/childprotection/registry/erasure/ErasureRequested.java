package org.childprotection.registry.erasure;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.PersonalData;

import java.time.Instant;

@Revision("1")
public record ErasureRequested(String caseId, ErasureBasis basis, @PersonalData String reason, String requestedBy,
                               Instant requestedAt) {
}
