package org.childprotection.registry.referral;

/** {@code ONGOING} records progress and keeps the referral open; every other outcome closes it. */
public enum ReferralOutcome {
    COMPLETED, DECLINED, UNREACHABLE, ONGOING;

    public boolean closesReferral() {
        return this != ONGOING;
    }
}
