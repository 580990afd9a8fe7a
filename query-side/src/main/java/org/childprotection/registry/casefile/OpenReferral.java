package org.childprotection.registry.casefile;

import org.childprotection.registry.referral.ReferralOutcome;
import org.childprotection.registry.referral.Service;

/** A referral without a final outcome; {@code lastOutcome} is ONGOING once progress was recorded. */
public record OpenReferral(String referralId, Service service, String provider, String note,
                           ReferralOutcome lastOutcome, String eventId) {
}
