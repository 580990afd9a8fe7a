package org.childprotection.registry.casefile;

import org.childprotection.registry.erasure.ErasureBasis;

import java.time.Instant;

/** An erasure of the case that awaits a decision by somebody other than the requester. */
public record PendingErasure(ErasureBasis basis, String reason, String requestedBy, Instant requestedAt) {
}
