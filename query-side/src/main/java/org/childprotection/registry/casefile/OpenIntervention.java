package org.childprotection.registry.casefile;

import org.childprotection.registry.intervention.InterventionGrounds;

import java.time.Instant;

/** A guardianship intervention before a court, awaiting its decision. */
public record OpenIntervention(String interventionId, InterventionGrounds grounds, String court, Instant filedAt) {
}
