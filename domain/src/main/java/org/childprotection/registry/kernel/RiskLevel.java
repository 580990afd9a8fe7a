package org.childprotection.registry.kernel;

import java.time.Duration;

/** Risk colour of an assessment, the status it leads to and how often the child must be visited. */
public enum RiskLevel {
    GREEN(CaseStatus.MONITORING, Duration.ofDays(30)),
    YELLOW(CaseStatus.UNDER_PROTECTION, Duration.ofDays(14)),
    ORANGE(CaseStatus.UNDER_PROTECTION, Duration.ofDays(7)),
    RED(CaseStatus.EMERGENCY, Duration.ofDays(1));

    private final CaseStatus status;
    private final Duration visitInterval;

    RiskLevel(CaseStatus status, Duration visitInterval) {
        this.status = status;
        this.visitInterval = visitInterval;
    }

    public CaseStatus status() {
        return status;
    }

    public Duration visitInterval() {
        return visitInterval;
    }
}
