package org.childprotection.registry.testsupport;

import org.childprotection.registry.assessment.RiskAssessed;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.assignment.CaseworkerAssigned;
import org.childprotection.registry.childcase.CaseExamples;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.childcase.ProtectionStatusChanged;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.closure.CaseReopened;
import org.childprotection.registry.closure.ClosureApproved;
import org.childprotection.registry.closure.ClosureReason;
import org.childprotection.registry.closure.ClosureRejected;
import org.childprotection.registry.closure.ClosureRequested;
import org.childprotection.registry.contact.ContactChannel;
import org.childprotection.registry.contact.ParentRole;
import org.childprotection.registry.contact.ParentalContactRecorded;
import org.childprotection.registry.correction.Correctable;
import org.childprotection.registry.correction.RecordCorrected;
import org.childprotection.registry.emergency.EmergencyAction;
import org.childprotection.registry.emergency.EmergencyDeclared;
import org.childprotection.registry.emergency.Placement;
import org.childprotection.registry.guardian.EntrustedGuardianRecorded;
import org.childprotection.registry.guardian.GuardianCapacity;
import org.childprotection.registry.guardian.Relationship;
import org.childprotection.registry.intervention.CourtAppointedGuardian;
import org.childprotection.registry.intervention.CourtDecisionRecorded;
import org.childprotection.registry.intervention.GuardianshipInterventionFiled;
import org.childprotection.registry.intervention.InterventionGrounds;
import org.childprotection.registry.referral.ReferralOutcome;
import org.childprotection.registry.referral.ReferralOutcomeRecorded;
import org.childprotection.registry.referral.Service;
import org.childprotection.registry.referral.ServiceReferred;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.childprotection.registry.registration.PoliceNotified;
import org.childprotection.registry.transfer.CaseTransferred;
import org.childprotection.registry.transfer.TransferAccepted;
import org.childprotection.registry.transfer.TransferDeclined;
import org.childprotection.registry.transfer.TransferRequested;
import org.childprotection.registry.visit.HomeVisitRecorded;
import org.childprotection.registry.visit.VisitorRole;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

/**
 * Plausible case lives built from a seed, using every kind of event, so that projection tests see the whole
 * variety of the log (statuses back and forth, corrections, transfers, referrals, interventions, reopening).
 */
public final class RandomStories {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final CaseEvents events;
    private final Random random;

    public RandomStories(CaseEvents events, long seed) {
        this.events = events;
        this.random = new Random(seed);
    }

    /** Writes the life of one case, starting at {@code start}; answers the number of events written. */
    public int live(String caseId, String villageCode, Instant start) {
        int count = 0;
        Instant at = start;
        boolean trigger = random.nextBoolean();
        String registration = events.append(caseId, at, trigger
                ? Stories.registered(caseId, villageCode, CaseExamples.CASEWORKER, at, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING)
                : Stories.registered(caseId, villageCode, CaseExamples.CASEWORKER, at));
        count++;
        if (trigger) {
            events.append(caseId, at, new PoliceNotified(caseId, List.of(MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING)));
            count++;
        }
        CaseStatus status = CaseStatus.REPORTED;
        String visit = null;
        int steps = 3 + random.nextInt(8);
        for (int i = 0; i < steps; i++) {
            at = at.plus(Duration.ofHours(1 + random.nextInt(72)));
            switch (random.nextInt(11)) {
                case 0, 1 -> {
                    RiskLevel level = RiskLevel.values()[random.nextInt(4)];
                    events.append(caseId, at, new RiskAssessed(caseId, level, List.of(RiskFactor.values()[random.nextInt(11)]),
                            "评估 " + i, at), CaseEvents.SUPERVISOR);
                    count++;
                    if (level.status() != status && status != CaseStatus.CLOSED) {
                        events.append(caseId, at, CaseExamples.statusChanged(caseId, status, level));
                        status = level.status();
                        count++;
                    }
                }
                case 2 -> {
                    visit = events.append(caseId, at, new HomeVisitRecorded(caseId, at.atZone(SHANGHAI).toLocalDate(),
                            VisitorRole.CHILDREN_DIRECTOR, random.nextBoolean(), "走访记录 " + i, List.of()));
                    count++;
                }
                case 3 -> {
                    events.append(caseId, at, new EntrustedGuardianRecorded(caseId, "王" + i, Relationship.GRANDPARENT,
                            60 + i, GuardianCapacity.CAPABLE, true, "1380000" + i));
                    count++;
                }
                case 4 -> {
                    events.append(caseId, at, new ServiceReferred(caseId, "ref-" + i, Service.EDUCATION, "乡中心校", null));
                    events.append(caseId, at.plusSeconds(60), new ReferralOutcomeRecorded(caseId, "ref-" + i,
                            random.nextBoolean() ? ReferralOutcome.ONGOING : ReferralOutcome.COMPLETED, "进展"));
                    count += 2;
                }
                case 5 -> {
                    events.append(caseId, at, new EmergencyDeclared(caseId, MandatoryReportingTrigger.SUSPECTED_INJURY_OR_HARM,
                            List.of(EmergencyAction.TEMPORARY_CARE_PLACEMENT), Placement.RELIEF_STATION, "紧急", at));
                    count++;
                    if (status != CaseStatus.EMERGENCY) {
                        events.append(caseId, at, new ProtectionStatusChanged(caseId, status, CaseStatus.EMERGENCY, null));
                        status = CaseStatus.EMERGENCY;
                        count++;
                    }
                }
                case 6 -> {
                    events.append(caseId, at, new GuardianshipInterventionFiled(caseId, "int-" + i,
                            InterventionGrounds.ABANDONED_DUTY_6_MONTHS, "县人民法院", "长期不履行监护职责"), CaseEvents.SUPERVISOR);
                    boolean granted = random.nextBoolean();
                    events.append(caseId, at.plusSeconds(3600), new CourtDecisionRecorded(caseId, "int-" + i, granted,
                            granted ? new CourtAppointedGuardian("赵" + i, Relationship.OTHER_RELATIVE, 45) : null, null),
                            CaseEvents.SUPERVISOR);
                    count += 2;
                }
                case 7 -> {
                    String to = villageCode.substring(0, 9) + String.format("%03d", random.nextInt(999));
                    if (random.nextBoolean()) {
                        // as logs written before transfers had two steps hold it
                        events.append(caseId, at, new CaseTransferred(caseId, villageCode, to, "迁居"),
                                CaseEvents.SUPERVISOR);
                        count++;
                    } else {
                        events.append(caseId, at, new TransferRequested(caseId, villageCode, to, "迁居",
                                CaseExamples.SUPERVISOR), CaseEvents.SUPERVISOR);
                        events.append(caseId, at.plusSeconds(600), random.nextBoolean()
                                ? new TransferAccepted(caseId, villageCode, to, CaseExamples.SUPERVISOR,
                                        CaseExamples.OTHER_SUPERVISOR, null, CaseExamples.CASEWORKER)
                                : new TransferDeclined(caseId, to, CaseExamples.SUPERVISOR,
                                        CaseExamples.OTHER_SUPERVISOR, null), CaseEvents.SUPERVISOR);
                        count += 2;
                    }
                }
                case 8 -> {
                    if (status == CaseStatus.MONITORING || status == CaseStatus.UNDER_PROTECTION) {
                        events.append(caseId, at, new ClosureRequested(caseId, ClosureReason.PARENTS_RETURNED, null,
                                CaseExamples.CASEWORKER, status));
                        boolean approve = random.nextBoolean();
                        events.append(caseId, at.plusSeconds(600), approve
                                ? new ClosureApproved(caseId, CaseExamples.SUPERVISOR, CaseExamples.CASEWORKER, "同意")
                                : new ClosureRejected(caseId, CaseExamples.SUPERVISOR, "继续观察", status), CaseEvents.SUPERVISOR);
                        count += 2;
                        if (approve) {
                            events.append(caseId, at.plusSeconds(7200), new CaseReopened(caseId, "父母再次外出",
                                    at.plusSeconds(7200)), CaseEvents.SUPERVISOR);
                            status = CaseStatus.REPORTED;
                            count++;
                        }
                    }
                }
                case 9 -> {
                    events.append(caseId, at, new RecordCorrected(caseId, visit != null ? visit : registration,
                            (visit != null ? Correctable.VISIT_DATE : Correctable.CHILD_NAME).eventType(),
                            (visit != null ? Correctable.VISIT_DATE : Correctable.CHILD_NAME).field(),
                            visit != null ? at.atZone(SHANGHAI).toLocalDate().minusDays(1).toString() : "李小洪",
                            "更正"), CaseEvents.SUPERVISOR);
                    count++;
                }
                default -> {
                    events.append(caseId, at, random.nextBoolean()
                            ? new ParentalContactRecorded(caseId, at.atZone(SHANGHAI).toLocalDate(), ParentRole.MOTHER, ContactChannel.VIDEO)
                            : new CaseworkerAssigned(caseId, "zhang.caseworker", CaseExamples.CASEWORKER), CaseEvents.SUPERVISOR);
                    count++;
                }
            }
        }
        return count;
    }
}
