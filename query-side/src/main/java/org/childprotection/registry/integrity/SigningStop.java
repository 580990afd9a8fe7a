package org.childprotection.registry.integrity;

import java.time.Instant;

/**
 * Why the signer stopped signing a log: its tree is not a continuation of the last head the registry signed. Holds
 * no personal data (sizes, positions and hashes only), so it may be logged and shown.
 *
 * @param firstBadPosition the first position in the log that differs from what was signed, when the log can be
 *                         compared with the signer's record
 */
public record SigningStop(String log, Instant at, String reason, Long firstBadPosition) {
}
