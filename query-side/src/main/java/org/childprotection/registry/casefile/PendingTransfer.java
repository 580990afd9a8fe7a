package org.childprotection.registry.casefile;

import java.time.Instant;

/** A transfer of the case that awaits the receiving side's decision. */
public record PendingTransfer(String fromVillageCode, String toVillageCode, String reason, String requestedBy,
                              Instant requestedAt) {
}
