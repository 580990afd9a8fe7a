package org.childprotection.registry.childcase;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.childprotection.registry.assessment.RecordRiskAssessment;
import org.childprotection.registry.assessment.RiskAssessed;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.assignment.AssignCaseworker;
import org.childprotection.registry.closure.ClosureApproved;
import org.childprotection.registry.closure.ClosureReason;
import org.childprotection.registry.closure.ClosureRequested;
import org.childprotection.registry.closure.DecideClosure;
import org.childprotection.registry.closure.ReopenCase;
import org.childprotection.registry.closure.RequestClosure;
import org.childprotection.registry.contact.ContactChannel;
import org.childprotection.registry.contact.ParentRole;
import org.childprotection.registry.contact.RecordParentalContact;
import org.childprotection.registry.correction.CorrectRecord;
import org.childprotection.registry.emergency.DeclareEmergency;
import org.childprotection.registry.emergency.EmergencyAction;
import org.childprotection.registry.emergency.EmergencyDeclared;
import org.childprotection.registry.emergency.Placement;
import org.childprotection.registry.guardian.EntrustedGuardianRecorded;
import org.childprotection.registry.guardian.GuardianCapacity;
import org.childprotection.registry.guardian.RecordEntrustedGuardian;
import org.childprotection.registry.guardian.Relationship;
import org.childprotection.registry.intervention.CourtAppointedGuardian;
import org.childprotection.registry.intervention.CourtDecisionRecorded;
import org.childprotection.registry.intervention.FileGuardianshipIntervention;
import org.childprotection.registry.intervention.GuardianshipInterventionFiled;
import org.childprotection.registry.intervention.InterventionGrounds;
import org.childprotection.registry.intervention.NewGuardian;
import org.childprotection.registry.intervention.RecordCourtDecision;
import org.childprotection.registry.kernel.ActorNotPermitted;
import org.childprotection.registry.kernel.CaseMetadata;
import org.childprotection.registry.kernel.CaseRefusal;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.InvalidInput;
import org.childprotection.registry.kernel.OutsideJurisdiction;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.kernel.Role;
import org.childprotection.registry.kernel.StateConflict;
import org.childprotection.registry.referral.RecordReferralOutcome;
import org.childprotection.registry.referral.ReferToService;
import org.childprotection.registry.referral.ReferralOutcome;
import org.childprotection.registry.referral.Service;
import org.childprotection.registry.referral.ServiceReferred;
import org.childprotection.registry.registration.Caregiver;
import org.childprotection.registry.registration.Child;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.registration.Hukou;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.childprotection.registry.registration.Parent;
import org.childprotection.registry.registration.ParentStatus;
import org.childprotection.registry.registration.RegisterChild;
import org.childprotection.registry.registration.Report;
import org.childprotection.registry.registration.ReportSource;
import org.childprotection.registry.registration.ResidentId;
import org.childprotection.registry.registration.Sex;
import org.childprotection.registry.transfer.DecideTransfer;
import org.childprotection.registry.transfer.RequestTransfer;
import org.childprotection.registry.transfer.TransferRequested;
import org.childprotection.registry.visit.RecordHomeVisit;
import org.childprotection.registry.visit.VisitorRole;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shared examples of the domain tests: one valid child's case, the users who act on it, the commands and
 * events that make up its history, and matchers for the registry's refusals. Tests change only what they test.
 */
public final class CaseExamples {

    public static final String CASE_ID = "case-2026-000123";
    /** A village of Qichun county, Huanggang, Hubei (12-digit statistical division code). */
    public static final String VILLAGE_CODE = "421126104201";
    public static final String OTHER_VILLAGE_CODE = "421126105203";
    /** A village of Huangmei county, next to Qichun: outside the example users' jurisdiction. */
    public static final String DISTANT_VILLAGE_CODE = "421127101001";
    public static final String DISTANT_COUNTY = "421127";

    /** The fixture's "now": 10:00 on 1 March 2026 in China Standard Time. */
    public static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    /** When the example case was reported: 09:30 on 2 February 2026 in China Standard Time. */
    public static final Instant REPORTED_AT = Instant.parse("2026-02-02T01:30:00Z");
    public static final LocalDate REPORT_DATE = LocalDate.of(2026, 2, 2);
    public static final Instant ASSESSED_AT = Instant.parse("2026-02-03T02:00:00Z");
    public static final LocalDate DATE_OF_BIRTH = LocalDate.of(2015, 9, 12);
    public static final String AREA_CODE = "421126";

    public static final String CASEWORKER = "li.caseworker";
    public static final String OTHER_CASEWORKER = "zhao.caseworker";
    public static final String SUPERVISOR = "wang.supervisor";
    public static final String OTHER_SUPERVISOR = "chen.supervisor";
    public static final String OVERSIGHT = "zhou.oversight";
    public static final String MAINTAINER = "ops.maintainer";
    /** A supervisor of {@link #DISTANT_COUNTY}, the receiving side of a transfer there. */
    public static final String RECEIVING_SUPERVISOR = "huang.supervisor";

    public static final String REFERRAL_ID = "ref-1";
    public static final String INTERVENTION_ID = "int-1";

    private CaseExamples() {
    }

    // ---- users ----------------------------------------------------------------------------------------

    /** A user of the example county, {@link #AREA_CODE}, whatever their role (so that the roles alone differ). */
    public static MetaData actor(String username, Role role) {
        return actor(username, role, AREA_CODE);
    }

    public static MetaData actor(String username, Role role, String... jurisdictions) {
        return MetaData.with(CaseMetadata.ACTOR, username).and(CaseMetadata.ROLE, role.name())
                .and(CaseMetadata.JURISDICTIONS, List.of(jurisdictions));
    }

    public static MetaData receivingSupervisor() {
        return actor(RECEIVING_SUPERVISOR, Role.SUPERVISOR, DISTANT_COUNTY);
    }

    /** The registering caseworker, the case's first assigned caseworker. */
    public static MetaData caseworker() {
        return actor(CASEWORKER, Role.CASEWORKER);
    }

    public static MetaData otherCaseworker() {
        return actor(OTHER_CASEWORKER, Role.CASEWORKER);
    }

    public static MetaData supervisor() {
        return actor(SUPERVISOR, Role.SUPERVISOR);
    }

    public static MetaData otherSupervisor() {
        return actor(OTHER_SUPERVISOR, Role.SUPERVISOR);
    }

    public static MetaData oversight() {
        return actor(OVERSIGHT, Role.OVERSIGHT);
    }

    public static MetaData maintainer() {
        return actor(MAINTAINER, Role.MAINTAINER);
    }

    /** The example user of a role. */
    public static MetaData as(Role role) {
        return switch (role) {
            case CASEWORKER -> caseworker();
            case SUPERVISOR -> supervisor();
            case OVERSIGHT -> oversight();
            case MAINTAINER -> maintainer();
            case WITNESS -> actor("north.witness", Role.WITNESS);
        };
    }

    // ---- resident ID numbers ----------------------------------------------------------------------------

    /** A valid 18-character resident ID: area, birth date, sequence, and the MOD 11-2 check character. */
    public static String residentId(String areaCode, LocalDate birth, String sequence) {
        String first17 = areaCode + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + sequence;
        return first17 + ResidentId.checkCharacter(first17);
    }

    public static String residentId(LocalDate birth) {
        return residentId(AREA_CODE, birth, "123");
    }

    /** A valid resident ID of the given birth date whose check character is X. */
    public static String residentIdEndingInX(LocalDate birth) {
        for (int sequence = 0; sequence < 1000; sequence++) {
            String id = residentId(AREA_CODE, birth, String.format("%03d", sequence));
            if (id.endsWith("X")) {
                return id;
            }
        }
        throw new IllegalStateException("no sequence gives the check character X");
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheckCharacter(String id) {
        char right = id.charAt(17);
        char wrong = right == '0' ? '1' : '0';
        return id.substring(0, 17) + wrong;
    }

    // ---- the child and the registration ----------------------------------------------------------------

    public static Child child() {
        return new Child("王小明", Sex.M, DATE_OF_BIRTH, residentId(DATE_OF_BIRTH), Hukou.RURAL, VILLAGE_CODE,
                "蕲春县横车镇中心小学");
    }

    public static Child childBornOn(LocalDate birth, String idNumber) {
        return child().withDateOfBirth(birth).withIdNumber(idNumber);
    }

    public static Parent father() {
        return new Parent(ParentStatus.MIGRATED, "广东省深圳市宝安区");
    }

    public static Parent mother() {
        return new Parent(ParentStatus.MIGRATED, "浙江省义乌市");
    }

    public static Caregiver caregiver() {
        return new Caregiver("张桂兰", Relationship.GRANDPARENT, 71, GuardianCapacity.LIMITED);
    }

    public static Report report(MandatoryReportingTrigger... triggers) {
        return new Report(ReportSource.SCHOOL, List.of(triggers), "班主任反映孩子连续三天未到校，祖母行动不便。");
    }

    public static RegisterChild registerChild() {
        return new RegisterChild(CASE_ID, child(), father(), mother(), caregiver(), report());
    }

    public static ChildRegistered childRegistered() {
        return childRegistered(child(), father(), mother());
    }

    public static ChildRegistered childRegistered(Child child, Parent father, Parent mother) {
        return new ChildRegistered(CASE_ID, child, father, mother, caregiver(), report(), REPORTED_AT, CASEWORKER);
    }

    /** An event of the case's history as recorded by a user (carrying the actor metadata a correction checks). */
    public static DomainEventMessage<?> recordedBy(String username, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("ChildCase", CASE_ID, sequence, payload,
                MetaData.with(CaseMetadata.ACTOR, username));
    }

    // ---- histories ----------------------------------------------------------------------------------

    /** The events of the example case up to the given status (registered by {@link #CASEWORKER}). */
    public static List<Object> caseIn(CaseStatus status) {
        List<Object> history = new ArrayList<>();
        history.add(recordedBy(CASEWORKER, 0, childRegistered()));
        switch (status) {
            case REPORTED -> {
            }
            case MONITORING -> history.addAll(assessedAs(RiskLevel.GREEN, CaseStatus.REPORTED));
            case UNDER_PROTECTION -> history.addAll(assessedAs(RiskLevel.YELLOW, CaseStatus.REPORTED));
            case EMERGENCY -> history.addAll(assessedAs(RiskLevel.RED, CaseStatus.REPORTED));
            case CLOSURE_REQUESTED -> {
                history.addAll(assessedAs(RiskLevel.GREEN, CaseStatus.REPORTED));
                history.add(closureRequested(CASEWORKER, CaseStatus.MONITORING));
            }
            case CLOSED -> {
                history.addAll(assessedAs(RiskLevel.GREEN, CaseStatus.REPORTED));
                history.add(closureRequested(CASEWORKER, CaseStatus.MONITORING));
                history.add(new ClosureApproved(CASE_ID, SUPERVISOR, CASEWORKER, null));
            }
        }
        return history;
    }

    /** A history followed by more events. */
    public static List<Object> caseIn(CaseStatus status, Object... more) {
        List<Object> history = caseIn(status);
        history.addAll(Arrays.asList(more));
        return history;
    }

    /** The two events of an assessment that moves the case from {@code from} to its colour's status. */
    public static List<Object> assessedAs(RiskLevel level, CaseStatus from) {
        return List.of(riskAssessed(level), statusChanged(CASE_ID, from, level));
    }

    /** The move of any case from {@code from} to the status of an assessment's colour. */
    public static ProtectionStatusChanged statusChanged(String caseId, CaseStatus from, RiskLevel level) {
        return new ProtectionStatusChanged(caseId, from, level.status(), level);
    }

    public static RiskAssessed riskAssessed(RiskLevel level) {
        return new RiskAssessed(CASE_ID, level, List.of(RiskFactor.LIVES_ALONE), "祖母年迈，孩子基本独自生活。",
                ASSESSED_AT);
    }

    public static ClosureRequested closureRequested(String requestedBy, CaseStatus statusBefore) {
        return new ClosureRequested(CASE_ID, ClosureReason.PARENTS_RETURNED, "母亲已返乡照顾孩子。", requestedBy,
                statusBefore);
    }

    public static EntrustedGuardianRecorded guardianRecorded() {
        return new EntrustedGuardianRecorded(CASE_ID, "王建国", Relationship.OTHER_RELATIVE, 45,
                GuardianCapacity.CAPABLE, true, "13800138000");
    }

    public static EmergencyDeclared emergencyDeclaredWithPlacement(Placement placement) {
        return new EmergencyDeclared(CASE_ID, MandatoryReportingTrigger.GUARDIAN_INCAPABLE_OR_NEGLECTFUL,
                List.of(EmergencyAction.TEMPORARY_CARE_PLACEMENT), placement, "祖母住院，孩子无人照料。", ASSESSED_AT);
    }

    public static EmergencyDeclared emergencyDeclaredWithoutPlacement() {
        return new EmergencyDeclared(CASE_ID, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING,
                List.of(EmergencyAction.MISSING_CHILD_SEARCH), null, "孩子夜间未归。", ASSESSED_AT);
    }

    public static ServiceReferred serviceReferred(String referralId) {
        return new ServiceReferred(CASE_ID, referralId, Service.PSYCHOSOCIAL, "蕲春县未成年人心理健康辅导站", null);
    }

    public static GuardianshipInterventionFiled interventionFiled(String interventionId) {
        return new GuardianshipInterventionFiled(CASE_ID, interventionId, InterventionGrounds.ABANDONED_DUTY_6_MONTHS,
                "蕲春县人民法院", "父母外出务工后六个月以上未履行监护职责。");
    }

    public static CourtAppointedGuardian courtAppointedGuardian() {
        return new CourtAppointedGuardian("王秀英", Relationship.OTHER_RELATIVE, 52);
    }

    /** The guardian of {@link #courtAppointedGuardian()} as a court decision names them. */
    public static NewGuardian newGuardian() {
        return new NewGuardian("王秀英", Relationship.OTHER_RELATIVE, 52);
    }

    public static CourtDecisionRecorded courtDecided(String interventionId, boolean granted) {
        return new CourtDecisionRecorded(CASE_ID, interventionId, granted, granted ? courtAppointedGuardian() : null,
                null);
    }

    // ---- valid commands -------------------------------------------------------------------------------

    public static RecordRiskAssessment assessment(RiskLevel level) {
        return new RecordRiskAssessment(CASE_ID, level, List.of(RiskFactor.LIVES_ALONE, RiskFactor.NO_PARENTAL_CONTACT),
                "祖母年迈，孩子基本独自生活；父母每月只通话一次。");
    }

    public static AssignCaseworker assignment(String caseworker) {
        return new AssignCaseworker(CASE_ID, caseworker);
    }

    public static RecordEntrustedGuardian entrustedGuardian() {
        return new RecordEntrustedGuardian(CASE_ID, "王建国", Relationship.OTHER_RELATIVE, 45, GuardianCapacity.CAPABLE,
                true, "13800138000");
    }

    public static RecordHomeVisit homeVisit(LocalDate date) {
        return new RecordHomeVisit(CASE_ID, date, VisitorRole.CHILDREN_DIRECTOR, true, "孩子在家写作业，冰箱里有食物。",
                List.of(RiskFactor.NO_PARENTAL_CONTACT));
    }

    public static RecordParentalContact parentalContact(LocalDate date, ParentRole parent) {
        return new RecordParentalContact(CASE_ID, date, parent, ContactChannel.VIDEO);
    }

    public static ReferToService referral(String referralId) {
        return new ReferToService(CASE_ID, referralId, Service.PSYCHOSOCIAL, "蕲春县未成年人心理健康辅导站", null);
    }

    public static RecordReferralOutcome referralOutcome(String referralId, ReferralOutcome outcome) {
        return new RecordReferralOutcome(CASE_ID, referralId, outcome, "已完成六次辅导。");
    }

    public static DeclareEmergency emergency() {
        return new DeclareEmergency(CASE_ID, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING,
                List.of(EmergencyAction.MISSING_CHILD_SEARCH, EmergencyAction.POLICE_INTERVENTION), null,
                "孩子夜间未归，村委会已报警。");
    }

    public static FileGuardianshipIntervention intervention(String interventionId) {
        return new FileGuardianshipIntervention(CASE_ID, interventionId, InterventionGrounds.ABANDONED_DUTY_6_MONTHS,
                "蕲春县人民法院", "父母外出务工后六个月以上未履行监护职责。");
    }

    public static RecordCourtDecision courtGrant(String interventionId) {
        return new RecordCourtDecision(CASE_ID, interventionId, true, newGuardian(), "撤销父母监护资格。");
    }

    public static RequestClosure closureRequest() {
        return new RequestClosure(CASE_ID, ClosureReason.PARENTS_RETURNED, "母亲已返乡照顾孩子。");
    }

    public static DecideClosure approval() {
        return new DecideClosure(CASE_ID, true, "核实母亲已返乡。");
    }

    public static DecideClosure rejection() {
        return new DecideClosure(CASE_ID, false, "母亲仅短期返乡，继续跟进。");
    }

    public static ReopenCase reopening() {
        return new ReopenCase(CASE_ID, "母亲再次外出务工，孩子又无人照料。");
    }

    public static RequestTransfer transfer(String villageCode) {
        return new RequestTransfer(CASE_ID, villageCode, "孩子随祖母搬到邻村居住。");
    }

    public static TransferRequested transferRequested(String villageCode, String requestedBy) {
        return new TransferRequested(CASE_ID, VILLAGE_CODE, villageCode, "孩子随祖母搬到邻村居住。", requestedBy);
    }

    public static DecideTransfer transferAcceptance() {
        return new DecideTransfer(CASE_ID, true, "已安排本乡社工接手。");
    }

    public static CorrectRecord correction(String eventId, String field, String value) {
        return new CorrectRecord(CASE_ID, eventId, field, value, "录入时笔误，按户口本更正。");
    }

    // ---- refusals -------------------------------------------------------------------------------------

    /** An {@link InvalidInput} naming {@code field} alone, under {@code rule}, with a message. */
    public static Matcher<Throwable> invalidInput(String rule, String field) {
        return new Refusal(InvalidInput.class, rule, field);
    }

    /** An {@link InvalidInput} naming exactly these fields at once (in any order), each with a message. */
    public static Matcher<Throwable> invalidFields(String... fields) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable actual, Description mismatch) {
                if (!(actual instanceof InvalidInput invalid)) {
                    mismatch.appendText("was ").appendValue(actual);
                    return false;
                }
                List<String> named = invalid.problems().stream().map(InvalidInput.Problem::field).sorted().toList();
                if (!named.equals(Arrays.stream(fields).sorted().toList())) {
                    mismatch.appendText("named ").appendValue(named);
                    return false;
                }
                if (invalid.problems().stream().anyMatch(p -> p.message() == null || p.message().isBlank())) {
                    mismatch.appendText("had a field without a message: ").appendValue(invalid.problems());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidInput naming ").appendValue(List.of(fields));
            }
        };
    }

    /** A {@link StateConflict} breaking {@code rule}, with a message. */
    public static Matcher<Throwable> stateConflict(String rule) {
        return new Refusal(StateConflict.class, rule, null);
    }

    /** An {@link ActorNotPermitted} breaking {@code rule}, with a message. */
    public static Matcher<Throwable> notPermitted(String rule) {
        return new Refusal(ActorNotPermitted.class, rule, null);
    }

    /** An {@link OutsideJurisdiction}: for the user the case does not exist. */
    public static Matcher<Throwable> outsideJurisdiction() {
        return new Refusal(OutsideJurisdiction.class, OutsideJurisdiction.RULE, null);
    }

    private static final class Refusal extends TypeSafeDiagnosingMatcher<Throwable> {

        private final Class<? extends CaseRefusal> type;
        private final String rule;
        private final String field;

        private Refusal(Class<? extends CaseRefusal> type, String rule, String field) {
            this.type = type;
            this.rule = rule;
            this.field = field;
        }

        @Override
        protected boolean matchesSafely(Throwable actual, Description mismatch) {
            if (!type.isInstance(actual)) {
                mismatch.appendText("was ").appendValue(actual);
                return false;
            }
            CaseRefusal refusal = (CaseRefusal) actual;
            if (refusal instanceof InvalidInput invalid && field != null) {
                // this field alone, under the rule (invalidFields names several)
                if (invalid.problems().size() != 1 || !invalid.field().equals(field) || !rule.equals(refusal.rule())) {
                    mismatch.appendText("named ").appendValue(invalid.problems());
                    return false;
                }
            } else if (!rule.equals(refusal.rule())) {
                mismatch.appendText("rule was ").appendValue(refusal.rule())
                        .appendText(" (").appendValue(actual.getMessage()).appendText(")");
                return false;
            }
            if (actual.getMessage() == null || actual.getMessage().isBlank()) {
                mismatch.appendText("had no message");
                return false;
            }
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText(type.getSimpleName()).appendText(" with rule ").appendValue(rule);
            if (field != null) {
                description.appendText(" on field ").appendValue(field);
            }
        }
    }
}
