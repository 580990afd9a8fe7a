package org.childprotection.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.childprotection.registry.assessment.RiskAssessed;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.assignment.CaseworkerAssigned;
import org.childprotection.registry.childcase.ProtectionStatusChanged;
import org.childprotection.registry.closure.CaseReopened;
import org.childprotection.registry.closure.ClosureApproved;
import org.childprotection.registry.closure.ClosureRejected;
import org.childprotection.registry.closure.ClosureRequested;
import org.childprotection.registry.erasure.ErasureApproved;
import org.childprotection.registry.erasure.ErasureBasis;
import org.childprotection.registry.erasure.ErasureDeclined;
import org.childprotection.registry.erasure.ErasureRequested;
import org.childprotection.registry.contact.ContactChannel;
import org.childprotection.registry.contact.ParentRole;
import org.childprotection.registry.contact.ParentalContactRecorded;
import org.childprotection.registry.correction.RecordCorrected;
import org.childprotection.registry.emergency.EmergencyDeclared;
import org.childprotection.registry.emergency.Placement;
import org.childprotection.registry.guardian.EntrustedGuardianRecorded;
import org.childprotection.registry.guardian.GuardianCapacity;
import org.childprotection.registry.guardian.Relationship;
import org.childprotection.registry.intervention.CourtDecisionRecorded;
import org.childprotection.registry.intervention.GuardianshipInterventionFiled;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.referral.ReferralOutcome;
import org.childprotection.registry.referral.ReferralOutcomeRecorded;
import org.childprotection.registry.referral.Service;
import org.childprotection.registry.referral.ServiceReferred;
import org.childprotection.registry.registration.Child;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.registration.Hukou;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.childprotection.registry.registration.Parent;
import org.childprotection.registry.registration.ParentStatus;
import org.childprotection.registry.registration.PoliceNotified;
import org.childprotection.registry.registration.Report;
import org.childprotection.registry.registration.ReportSource;
import org.childprotection.registry.registration.Sex;
import org.childprotection.registry.transfer.CaseTransferred;
import org.childprotection.registry.transfer.TransferAccepted;
import org.childprotection.registry.transfer.TransferDeclined;
import org.childprotection.registry.transfer.TransferRequested;
import org.childprotection.registry.visit.HomeVisitRecorded;
import org.childprotection.registry.visit.VisitorRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.childcase.CaseExamples.*;

/**
 * Every event of the case is an immutable record with a {@code @Revision} that survives the JSON round trip of the
 * event store's Jackson serializer, Chinese names and dates included.
 */
class EventSerializationTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.childprotection.registry");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final Instant AT = Instant.parse("2026-02-03T02:15:30.123Z");

    /** Realistic instances of each event, with and without their optional parts. */
    private static final Map<Class<?>, List<Object>> SAMPLES = Map.ofEntries(
            entry(ChildRegistered.class, List.of(
                    new ChildRegistered(CASE_ID, child(), father(), mother(), caregiver(),
                            report(MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING,
                                    MandatoryReportingTrigger.SUSPECTED_DOMESTIC_VIOLENCE), REPORTED_AT, CASEWORKER),
                    new ChildRegistered("case-2026-000124",
                            new Child("阿依古丽·买买提", Sex.F, LocalDate.of(2019, 12, 31), null, Hukou.RURAL,
                                    "653101203211", null),
                            new Parent(ParentStatus.DECEASED, null), new Parent(ParentStatus.MIGRATED, "新疆乌鲁木齐市"),
                            null, new Report(ReportSource.SELF, List.of(), "孩子自己打电话求助。"), AT, OTHER_CASEWORKER))),
            entry(PoliceNotified.class, List.of(new PoliceNotified(CASE_ID,
                    List.of(MandatoryReportingTrigger.SUSPECTED_INJURY_OR_HARM,
                            MandatoryReportingTrigger.GUARDIAN_INCAPABLE_OR_NEGLECTFUL)))),
            entry(RiskAssessed.class, List.of(
                    new RiskAssessed(CASE_ID, RiskLevel.RED, List.of(RiskFactor.SUSPECTED_VIOLENCE, RiskFactor.MISSING),
                            "孩子身上有淤青，祖父酗酒。", AT),
                    riskAssessed(RiskLevel.GREEN))),
            entry(ProtectionStatusChanged.class, List.of(
                    new ProtectionStatusChanged(CASE_ID, CaseStatus.REPORTED, CaseStatus.EMERGENCY, RiskLevel.RED),
                    new ProtectionStatusChanged(CASE_ID, CaseStatus.CLOSURE_REQUESTED, CaseStatus.EMERGENCY, null))),
            entry(CaseworkerAssigned.class, List.of(new CaseworkerAssigned(CASE_ID, OTHER_CASEWORKER, CASEWORKER))),
            entry(EntrustedGuardianRecorded.class, List.of(
                    guardianRecorded(),
                    new EntrustedGuardianRecorded(CASE_ID, "欧阳娜娜", Relationship.FAMILY_FRIEND, 38,
                            GuardianCapacity.LIMITED, false, null))),
            entry(HomeVisitRecorded.class, List.of(
                    new HomeVisitRecorded(CASE_ID, LocalDate.of(2026, 2, 10), VisitorRole.CHILDREN_DIRECTOR, true,
                            "孩子在家写作业，冰箱里有食物。", List.of(RiskFactor.NO_PARENTAL_CONTACT, RiskFactor.HEALTH)),
                    new HomeVisitRecorded(CASE_ID, LocalDate.of(2026, 2, 28), VisitorRole.POLICE, false,
                            "家中无人。", List.of()))),
            entry(ParentalContactRecorded.class, List.of(new ParentalContactRecorded(CASE_ID,
                    LocalDate.of(2026, 2, 14), ParentRole.MOTHER, ContactChannel.VIDEO))),
            entry(ServiceReferred.class, List.of(
                    serviceReferred(REFERRAL_ID),
                    new ServiceReferred(CASE_ID, "ref-2", Service.LEGAL_AID,
                            "蕲春县法律援助中心", "协助申请监护权变更"))),
            entry(ReferralOutcomeRecorded.class, List.of(
                    new ReferralOutcomeRecorded(CASE_ID, REFERRAL_ID, ReferralOutcome.COMPLETED, "已完成六次辅导。"),
                    new ReferralOutcomeRecorded(CASE_ID, REFERRAL_ID, ReferralOutcome.UNREACHABLE, null))),
            entry(EmergencyDeclared.class, List.of(
                    emergencyDeclaredWithPlacement(Placement.WELFARE_INSTITUTION),
                    emergencyDeclaredWithoutPlacement())),
            entry(GuardianshipInterventionFiled.class, List.of(interventionFiled(INTERVENTION_ID))),
            entry(CourtDecisionRecorded.class, List.of(
                    new CourtDecisionRecorded(CASE_ID, INTERVENTION_ID, true, courtAppointedGuardian(), "撤销父母监护资格。"),
                    courtDecided(INTERVENTION_ID, false))),
            entry(ErasureRequested.class, List.of(
                    new ErasureRequested(CASE_ID, ErasureBasis.COURT_ORDER, "法院裁定删除。", SUPERVISOR, NOW))),
            entry(ErasureApproved.class, List.of(
                    new ErasureApproved(CASE_ID, ErasureBasis.COURT_ORDER, SUPERVISOR, OVERSIGHT, "核实裁定书。"),
                    new ErasureApproved(CASE_ID, ErasureBasis.REGISTERED_IN_ERROR, SUPERVISOR, OTHER_SUPERVISOR,
                            null))),
            entry(ErasureDeclined.class, List.of(
                    new ErasureDeclined(CASE_ID, ErasureBasis.RETENTION_EXPIRED, "system", SUPERVISOR, null))),
            entry(ClosureRequested.class, List.of(
                    closureRequested(CASEWORKER, CaseStatus.UNDER_PROTECTION))),
            entry(ClosureApproved.class, List.of(
                    new ClosureApproved(CASE_ID, SUPERVISOR, CASEWORKER, "核实母亲已返乡。"),
                    new ClosureApproved(CASE_ID, OTHER_SUPERVISOR, SUPERVISOR, null))),
            entry(ClosureRejected.class, List.of(
                    new ClosureRejected(CASE_ID, SUPERVISOR, "母亲仅短期返乡，继续跟进。", CaseStatus.MONITORING))),
            entry(CaseReopened.class, List.of(new CaseReopened(CASE_ID, "母亲再次外出务工，孩子又无人照料。", AT))),
            entry(CaseTransferred.class, List.of(
                    new CaseTransferred(CASE_ID, VILLAGE_CODE, OTHER_VILLAGE_CODE, "孩子随祖母搬到邻村居住。"))),
            entry(TransferRequested.class, List.of(transferRequested(DISTANT_VILLAGE_CODE, SUPERVISOR))),
            entry(TransferAccepted.class, List.of(
                    new TransferAccepted(CASE_ID, VILLAGE_CODE, DISTANT_VILLAGE_CODE, SUPERVISOR, RECEIVING_SUPERVISOR,
                            "已安排本乡社工接手。", CASEWORKER),
                    new TransferAccepted(CASE_ID, VILLAGE_CODE, OTHER_VILLAGE_CODE, SUPERVISOR, OTHER_SUPERVISOR,
                            null, null))),
            entry(TransferDeclined.class, List.of(
                    new TransferDeclined(CASE_ID, DISTANT_VILLAGE_CODE, SUPERVISOR, RECEIVING_SUPERVISOR, "本乡暂无接收条件。"),
                    new TransferDeclined(CASE_ID, DISTANT_VILLAGE_CODE, SUPERVISOR, RECEIVING_SUPERVISOR, null))),
            entry(RecordCorrected.class, List.of(
                    new RecordCorrected(CASE_ID, "5b0c7d0e-8a4f-4f7e-9a59-0f5e8f2f6c11", "ChildRegistered",
                            "child.name", "王晓明", "录入时笔误，按户口本更正。"),
                    new RecordCorrected(CASE_ID, "5b0c7d0e-8a4f-4f7e-9a59-0f5e8f2f6c12", "EntrustedGuardianRecorded",
                            "phone", "", "监护人已停用该号码。"))));

    /** The event classes as the event store sees them: the domain's classes annotated with {@code @Revision}. */
    static Stream<Class<?>> eventClasses() {
        return DOMAIN.stream()
                .filter(javaClass -> javaClass.isAnnotatedWith(Revision.class))
                .map(JavaClass::reflect)
                .sorted((a, b) -> a.getName().compareTo(b.getName()));
    }

    /**
     * The events the case applies, found independently: records that the case or its rules build whose first
     * component is caseId (commands have one too, but the domain never builds a command).
     */
    private static Set<Class<?>> eventsBuiltByTheCase() {
        return DOMAIN.stream()
                .flatMap(javaClass -> javaClass.getConstructorCallsFromSelf().stream())
                .map(call -> call.getTargetOwner())
                .filter(owner -> owner.getPackageName().startsWith("org.childprotection.registry"))
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .filter(type -> type.getRecordComponents().length > 0
                        && type.getRecordComponents()[0].getName().equals("caseId"))
                .collect(Collectors.toSet());
    }

    /**
     * Events that earlier versions recorded and this one no longer does: never moved or renamed (the log names
     * their class), still read by the case and the projections.
     */
    private static final Set<Class<?>> KEPT_FOR_OLD_LOGS = Set.of(CaseTransferred.class);

    @Test
    void every_event_the_case_applies_has_a_revision_and_nothing_else_has_one_but_the_events_of_old_logs() {
        Set<Class<?>> applied = eventsBuiltByTheCase();

        assertThat(applied).hasSize(24).doesNotContainAnyElementsOf(KEPT_FOR_OLD_LOGS);
        assertThat(eventClasses().collect(Collectors.toSet()))
                .isEqualTo(Stream.concat(applied.stream(), KEPT_FOR_OLD_LOGS.stream()).collect(Collectors.toSet()));
    }

    /** A one-step transfer as an earlier version wrote it to the log: the class and fields it had still read. */
    @Test
    void an_old_logs_one_step_transfer_still_reads() throws Exception {
        String recorded = "{\"caseId\":\"case-2026-000123\",\"fromVillageCode\":\"421126104201\","
                + "\"toVillageCode\":\"421126105203\",\"reason\":\"孩子随祖母搬到邻村居住。\"}";

        assertThat(JSON.readValue(recorded, Class.forName("org.childprotection.registry.transfer.CaseTransferred")))
                .isEqualTo(new CaseTransferred(CASE_ID, VILLAGE_CODE, OTHER_VILLAGE_CODE, "孩子随祖母搬到邻村居住。"));
        assertThat(CaseTransferred.class.getAnnotation(Revision.class).value()).isEqualTo("1");
    }

    /**
     * The log finds the key of an event's sealed fields from the case it names first (docs/erasure.md): every event
     * names its case first, so Jackson writes it before any personal field.
     */
    @Test
    void every_event_names_its_case_first() {
        assertThat(eventClasses().filter(type -> !type.getRecordComponents()[0].getName().equals("caseId")
                || type.getRecordComponents()[0].getType() != String.class).toList()).isEmpty();
    }

    @Test
    void every_event_has_a_sample() {
        assertThat(SAMPLES.keySet()).isEqualTo(eventClasses().collect(Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventClasses")
    void is_an_immutable_record_with_a_revision(Class<?> eventClass) {
        assertThat(eventClass.isRecord()).as("%s is a record", eventClass.getSimpleName()).isTrue();
        assertThat(eventClass.getAnnotation(Revision.class)).isNotNull();
        assertThat(eventClass.getAnnotation(Revision.class).value()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventClasses")
    void survives_the_json_round_trip(Class<?> eventClass) throws Exception {
        List<Object> samples = SAMPLES.get(eventClass);
        assertThat(samples).as("samples of %s", eventClass.getSimpleName()).isNotEmpty();

        for (Object sample : samples) {
            assertThat(sample).isInstanceOf(eventClass);
            String json = JSON.writeValueAsString(sample);

            assertThat(JSON.readValue(json, eventClass)).as(json).isEqualTo(sample);
            assertThat(JSON.readValue(JSON.writeValueAsBytes(sample), eventClass)).isEqualTo(sample);
        }
    }

    @Test
    void names_and_dates_are_written_as_readable_text() throws Exception {
        String registered = JSON.writeValueAsString(SAMPLES.get(ChildRegistered.class).get(1));

        assertThat(registered)
                .contains("\"name\":\"阿依古丽·买买提\"")
                .contains("\"dateOfBirth\":\"2019-12-31\"")
                .contains("\"reportedAt\":\"2026-02-03T02:15:30.123Z\"");
        assertThat(JSON.writeValueAsString(SAMPLES.get(HomeVisitRecorded.class).get(0)))
                .contains("\"visitDate\":\"2026-02-10\"")
                .contains("孩子在家写作业，冰箱里有食物。");
    }
}
