package org.childprotection.registry.childcase;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.childprotection.registry.contact.ParentRole;
import org.childprotection.registry.erasure.DecideErasure;
import org.childprotection.registry.erasure.ErasureBasis;
import org.childprotection.registry.erasure.ErasureRequested;
import org.childprotection.registry.erasure.RequestErasure;
import org.childprotection.registry.kernel.CaseMetadata;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.kernel.Role;
import org.childprotection.registry.referral.ReferralOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.childcase.CaseExamples.*;

/**
 * The one table of who may send which command, and what a closed case answers, as the case enforces it:
 * every command, from every role, on a case where the command would be carried out and on a closed one.
 * A refused sender is refused before the closed case is, with the table's rule; an admitted one reaches
 * the command's own rules, which the feature tests cover.
 */
class CaseCommandsTest extends CaseFixtureTest {

    /** A command on a case in {@code status} (plus {@code more} events) where an admitted sender succeeds. */
    record Example(CaseCommands entry, CaseStatus status, List<Object> more, Function<String, Object> command) {

        /** {@code command} is given the id of the registration, the record a correction names. */
        static Example of(CaseCommands entry, CaseStatus status, Function<String, Object> command, Object... more) {
            return new Example(entry, status, List.of(more), command);
        }

        @Override
        public String toString() {
            return entry.name();
        }
    }

    static List<Example> examples() {
        return List.of(
                Example.of(CaseCommands.RECORD_RISK_ASSESSMENT, CaseStatus.MONITORING,
                        id -> assessment(RiskLevel.GREEN)),
                Example.of(CaseCommands.DECLARE_EMERGENCY, CaseStatus.MONITORING, id -> emergency()),
                Example.of(CaseCommands.ASSIGN_CASEWORKER, CaseStatus.MONITORING, id -> assignment(OTHER_CASEWORKER)),
                Example.of(CaseCommands.RECORD_ENTRUSTED_GUARDIAN, CaseStatus.MONITORING, id -> entrustedGuardian()),
                Example.of(CaseCommands.RECORD_HOME_VISIT, CaseStatus.MONITORING, id -> homeVisit(TODAY)),
                Example.of(CaseCommands.RECORD_PARENTAL_CONTACT, CaseStatus.MONITORING,
                        id -> parentalContact(TODAY, ParentRole.MOTHER)),
                Example.of(CaseCommands.REFER_TO_SERVICE, CaseStatus.MONITORING, id -> referral(REFERRAL_ID)),
                Example.of(CaseCommands.RECORD_REFERRAL_OUTCOME, CaseStatus.MONITORING,
                        id -> referralOutcome(REFERRAL_ID, ReferralOutcome.COMPLETED), serviceReferred(REFERRAL_ID)),
                Example.of(CaseCommands.FILE_GUARDIANSHIP_INTERVENTION, CaseStatus.MONITORING,
                        id -> intervention(INTERVENTION_ID)),
                Example.of(CaseCommands.RECORD_COURT_DECISION, CaseStatus.MONITORING,
                        id -> courtGrant(INTERVENTION_ID), interventionFiled(INTERVENTION_ID)),
                Example.of(CaseCommands.REQUEST_CLOSURE, CaseStatus.MONITORING, id -> closureRequest()),
                Example.of(CaseCommands.DECIDE_CLOSURE, CaseStatus.CLOSURE_REQUESTED, id -> approval()),
                Example.of(CaseCommands.REOPEN_CASE, CaseStatus.CLOSED, id -> reopening()),
                Example.of(CaseCommands.REQUEST_TRANSFER, CaseStatus.MONITORING, id -> transfer(OTHER_VILLAGE_CODE)),
                Example.of(CaseCommands.DECIDE_TRANSFER, CaseStatus.MONITORING, id -> transferAcceptance(),
                        transferRequested(OTHER_VILLAGE_CODE, OTHER_SUPERVISOR)),
                Example.of(CaseCommands.CORRECT_RECORD, CaseStatus.MONITORING,
                        id -> correction(id, "child.name", "王晓明")),
                Example.of(CaseCommands.REQUEST_ERASURE, CaseStatus.CLOSED,
                        id -> new RequestErasure(CASE_ID, ErasureBasis.COURT_ORDER, "法院裁定删除。")),
                Example.of(CaseCommands.DECIDE_ERASURE, CaseStatus.CLOSED, id -> new DecideErasure(CASE_ID, true, null),
                        new ErasureRequested(CASE_ID, ErasureBasis.RETENTION_EXPIRED, "保存期限已过。", "system", NOW)));
    }

    static Stream<Arguments> everyCommandFromEveryRoleOnAnOpenAndAClosedCase() {
        return examples().stream().flatMap(example -> Arrays.stream(Role.values()).flatMap(role ->
                new LinkedHashSet<>(List.of(example.status(), CaseStatus.CLOSED)).stream()
                        .map(status -> Arguments.of(example, role, status))));
    }

    @ParameterizedTest(name = "{0} from {1} on a {2} case")
    @MethodSource("everyCommandFromEveryRoleOnAnOpenAndAClosedCase")
    void the_case_admits_a_command_as_the_table_says(Example example, Role role, CaseStatus status) {
        CaseCommands entry = example.entry();
        TestExecutor<ChildCase> given = fixture.given(caseIn(status, example.more().toArray()));
        String registration = fixture.getEventStore().readEvents(CASE_ID).asStream()
                .findFirst().map(Message::getIdentifier).orElseThrow();
        ResultValidator<ChildCase> result = given.when(example.command().apply(registration), as(role));

        if (!entry.senders().contains(role)) {
            result.expectException(notPermitted(entry.senders().contains(Role.CASEWORKER) ? "role"
                            : entry.senders().contains(Role.OVERSIGHT) ? "supervisor-or-oversight" : "supervisor-only"))
                    .expectNoEvents();
        } else if (status == CaseStatus.CLOSED && entry.onClosedCase() == CaseCommands.OnClosedCase.REFUSED) {
            result.expectException(stateConflict("case-closed")).expectNoEvents();
        } else {
            result.expectSuccessfulHandlerExecution();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void only_caseworkers_and_supervisors_register_a_child(Role role) {
        ResultValidator<ChildCase> result = fixture.givenNoPriorActivity().when(registerChild(), as(role));

        if (CaseCommands.REGISTER_CHILD.senders().contains(role)) {
            result.expectSuccessfulHandlerExecution();
        } else {
            result.expectException(notPermitted("role")).expectNoEvents();
        }
    }

    static Stream<Arguments> everyCommandFromBothWorkingRoles() {
        return examples().stream().flatMap(example -> example.entry().senders().stream()
                .map(role -> Arguments.of(example, role)));
    }

    /** Outside: a user of another county, or one whose command carries no jurisdictions at all. */
    @ParameterizedTest(name = "{0} from a {1} outside the case's village")
    @MethodSource("everyCommandFromBothWorkingRoles")
    void a_command_from_outside_the_case_village_finds_no_case(Example example, Role role) {
        for (MetaData outsider : List.of(actor("qian.outsider", role, DISTANT_COUNTY, "4202"),
                MetaData.with(CaseMetadata.ACTOR, "qian.outsider").and(CaseMetadata.ROLE, role.name()))) {
            newFixture();
            TestExecutor<ChildCase> given = fixture.given(caseIn(example.status(), example.more().toArray()));
            String registration = fixture.getEventStore().readEvents(CASE_ID).asStream()
                    .findFirst().map(Message::getIdentifier).orElseThrow();

            given.when(example.command().apply(registration), outsider)
                    .expectException(outsideJurisdiction())
                    .expectNoEvents();
        }
    }

    /** Even a stale If-Match answers as a case that is not there: the version is the case's to tell. */
    @Test
    void the_jurisdiction_is_checked_before_the_expected_version() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(homeVisit(TODAY), actor("qian.outsider", Role.CASEWORKER, DISTANT_COUNTY)
                        .and(CaseMetadata.EXPECTED_VERSION, 0L))
                .expectException(outsideJurisdiction())
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Role.class, names = {"CASEWORKER", "SUPERVISOR"})
    void a_child_is_registered_only_in_a_village_of_the_users_jurisdiction(Role role) {
        fixture.givenNoPriorActivity()
                .when(registerChild(), actor("qian.outsider", role, DISTANT_COUNTY))
                .expectException(notPermitted("jurisdiction"))
                .expectNoEvents();
    }

    @Test
    void the_table_reads_as_the_roles_of_the_registry() {
        Set<CaseCommands> supervisorsOnly = Arrays.stream(CaseCommands.values())
                .filter(entry -> entry.senders().equals(Set.of(Role.SUPERVISOR)))
                .collect(Collectors.toSet());
        Set<CaseCommands> onClosedCases = Arrays.stream(CaseCommands.values())
                .filter(entry -> entry.onClosedCase() == CaseCommands.OnClosedCase.ACCEPTED)
                .collect(Collectors.toSet());

        assertThat(supervisorsOnly).containsExactlyInAnyOrder(CaseCommands.ASSIGN_CASEWORKER,
                CaseCommands.FILE_GUARDIANSHIP_INTERVENTION, CaseCommands.RECORD_COURT_DECISION,
                CaseCommands.DECIDE_CLOSURE, CaseCommands.REOPEN_CASE, CaseCommands.REQUEST_TRANSFER,
                CaseCommands.DECIDE_TRANSFER, CaseCommands.REQUEST_ERASURE);
        assertThat(CaseCommands.DECIDE_ERASURE.senders()).containsExactlyInAnyOrder(Role.SUPERVISOR, Role.OVERSIGHT);
        assertThat(Arrays.stream(CaseCommands.values())
                .filter(entry -> !supervisorsOnly.contains(entry) && entry != CaseCommands.DECIDE_ERASURE))
                .allSatisfy(entry -> assertThat(entry.senders()).containsExactlyInAnyOrder(Role.CASEWORKER,
                        Role.SUPERVISOR));
        assertThat(onClosedCases).containsExactlyInAnyOrder(CaseCommands.REOPEN_CASE, CaseCommands.CORRECT_RECORD,
                CaseCommands.REQUEST_ERASURE, CaseCommands.DECIDE_ERASURE);
        assertThat(Arrays.stream(CaseCommands.values()).filter(entry -> entry.reach() != CaseCommands.Reach.CASE_VILLAGE))
                .containsExactlyInAnyOrder(CaseCommands.REGISTER_CHILD, CaseCommands.DECIDE_TRANSFER);
        assertThat(CaseCommands.REGISTER_CHILD.reach()).isEqualTo(CaseCommands.Reach.NAMED_VILLAGE);
    }

    @Test
    void the_table_has_one_entry_for_every_command_the_case_handles_and_every_entry_is_tried() {
        Set<Class<?>> handled = AnnotatedAggregateMetaModelFactory.inspectAggregate(ChildCase.class)
                .commandHandlers(ChildCase.class)
                .map(MessageHandlingMember::payloadType)
                .collect(Collectors.toSet());
        Set<Class<?>> inTable = Arrays.stream(CaseCommands.values()).map(CaseCommands::command)
                .collect(Collectors.toSet());

        assertThat(inTable).hasSize(CaseCommands.values().length).isEqualTo(handled);
        assertThat(examples().stream().map(Example::entry))
                .containsExactlyInAnyOrder(Arrays.stream(CaseCommands.values())
                        .filter(entry -> entry != CaseCommands.REGISTER_CHILD).toArray(CaseCommands[]::new));
    }
}
