package org.childprotection.registry.contact;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.childcase.ChildCase;
import org.childprotection.registry.kernel.Role;
import org.childprotection.registry.registration.Parent;
import org.childprotection.registry.registration.ParentStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;

import static org.childprotection.registry.childcase.CaseExamples.*;

class ParentalContactTest {

    private static final LocalDate CONTACT_DATE = LocalDate.of(2026, 2, 14);

    private AggregateTestFixture<ChildCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.givenCurrentTime(NOW);
    }

    // ---- success ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ParentRole.class)
    void recordsAContactWithEitherParent(ParentRole parent) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(parentalContact(CONTACT_DATE, parent), caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ParentalContactRecorded(CASE_ID, CONTACT_DATE, parent, ContactChannel.VIDEO))
                .expectResultMessagePayload(3L);
    }

    @ParameterizedTest
    @EnumSource(ContactChannel.class)
    void everyChannelCanBeRecorded(ContactChannel channel) {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(new RecordParentalContact(CASE_ID, TODAY, ParentRole.FATHER, channel), supervisor())
                .expectEvents(new ParentalContactRecorded(CASE_ID, TODAY, ParentRole.FATHER, channel))
                .expectResultMessagePayload(1L);
    }

    @Test
    void theLivingParentOfAChildWithOneDeceasedParentCanBeContacted() {
        fixture.given(recordedBy(CASEWORKER, 0, childRegistered(child(), father(),
                        new Parent(ParentStatus.DECEASED, null))))
                .when(parentalContact(CONTACT_DATE, ParentRole.FATHER), caseworker())
                .expectEvents(new ParentalContactRecorded(CASE_ID, CONTACT_DATE, ParentRole.FATHER,
                        ContactChannel.VIDEO))
                .expectResultMessagePayload(1L);
    }

    // ---- refusals ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ParentRole.class)
    void noContactWithADeceasedParent(ParentRole parent) {
        Parent deceased = new Parent(ParentStatus.DECEASED, null);
        Parent migrated = new Parent(ParentStatus.MIGRATED, "苏州");

        fixture.given(childRegistered(child(), parent == ParentRole.FATHER ? deceased : migrated,
                        parent == ParentRole.MOTHER ? deceased : migrated))
                .when(parentalContact(CONTACT_DATE, parent), caseworker())
                .expectException(invalidInput("parent-deceased", "parent"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OVERSIGHT", "MAINTAINER"})
    void readOnlyRolesMayNotRecordContacts(Role role) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(parentalContact(CONTACT_DATE, ParentRole.MOTHER), as(role))
                .expectException(notPermitted("role"))
                .expectNoEvents();
    }

    @Test
    void theDateIsRequired() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(parentalContact(null, ParentRole.MOTHER), caseworker())
                .expectException(invalidInput("required", "date"))
                .expectNoEvents();
    }

    @Test
    void aContactTomorrowIsInTheFuture() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(parentalContact(TODAY.plusDays(1), ParentRole.MOTHER), caseworker())
                .expectException(invalidInput("date-in-future", "date"))
                .expectNoEvents();
    }

    @Test
    void aContactBeforeTheReportIsRefused() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(parentalContact(REPORT_DATE.minusDays(1), ParentRole.MOTHER), caseworker())
                .expectException(invalidInput("date-before-report", "date"))
                .expectNoEvents();
    }

    @Test
    void aContactBeforeTheChildWasBornIsRefused() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(parentalContact(DATE_OF_BIRTH.minusYears(1), ParentRole.MOTHER), caseworker())
                .expectException(invalidInput("date-before-birth", "date"))
                .expectNoEvents();
    }

    @Test
    void theParentIsRequired() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(parentalContact(CONTACT_DATE, null), caseworker())
                .expectException(invalidInput("required", "parent"))
                .expectNoEvents();
    }

    @Test
    void theChannelIsRequired() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordParentalContact(CASE_ID, CONTACT_DATE, ParentRole.MOTHER, null), caseworker())
                .expectException(invalidInput("required", "channel"))
                .expectNoEvents();
    }
}
