package org.childprotection.registry.contact;

import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.registration.Parent;
import org.childprotection.registry.registration.ParentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;

import static org.childprotection.registry.childcase.CaseExamples.*;

class ParentalContactTest extends CaseFixtureTest {

    private static final LocalDate CONTACT_DATE = LocalDate.of(2026, 2, 14);

    // ---- success ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ParentRole.class)
    void records_a_contact_with_either_parent(ParentRole parent) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(parentalContact(CONTACT_DATE, parent), caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ParentalContactRecorded(CASE_ID, CONTACT_DATE, parent, ContactChannel.VIDEO))
                .expectResultMessagePayload(3L);
    }

    @ParameterizedTest
    @EnumSource(ContactChannel.class)
    void every_channel_can_be_recorded(ContactChannel channel) {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(new RecordParentalContact(CASE_ID, TODAY, ParentRole.FATHER, channel), supervisor())
                .expectEvents(new ParentalContactRecorded(CASE_ID, TODAY, ParentRole.FATHER, channel))
                .expectResultMessagePayload(1L);
    }

    @Test
    void the_living_parent_of_a_child_with_one_deceased_parent_can_be_contacted() {
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
    void no_contact_with_a_deceased_parent(ParentRole parent) {
        Parent deceased = new Parent(ParentStatus.DECEASED, null);
        Parent migrated = new Parent(ParentStatus.MIGRATED, "苏州");

        fixture.given(childRegistered(child(), parent == ParentRole.FATHER ? deceased : migrated,
                        parent == ParentRole.MOTHER ? deceased : migrated))
                .when(parentalContact(CONTACT_DATE, parent), caseworker())
                .expectException(invalidInput("parent-deceased", "parent"))
                .expectNoEvents();
    }

    @Test
    void the_date_is_required() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(parentalContact(null, ParentRole.MOTHER), caseworker())
                .expectException(invalidInput("required", "date"))
                .expectNoEvents();
    }

    @Test
    void a_contact_tomorrow_is_in_the_future() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(parentalContact(TODAY.plusDays(1), ParentRole.MOTHER), caseworker())
                .expectException(invalidInput("date-in-future", "date"))
                .expectNoEvents();
    }

    @Test
    void a_contact_before_the_report_is_refused() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(parentalContact(REPORT_DATE.minusDays(1), ParentRole.MOTHER), caseworker())
                .expectException(invalidInput("date-before-report", "date"))
                .expectNoEvents();
    }

    @Test
    void a_contact_before_the_child_was_born_is_refused() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(parentalContact(DATE_OF_BIRTH.minusYears(1), ParentRole.MOTHER), caseworker())
                .expectException(invalidInput("date-before-birth", "date"))
                .expectNoEvents();
    }

    @Test
    void the_parent_is_required() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(parentalContact(CONTACT_DATE, null), caseworker())
                .expectException(invalidInput("required", "parent"))
                .expectNoEvents();
    }

    @Test
    void the_channel_is_required() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordParentalContact(CASE_ID, CONTACT_DATE, ParentRole.MOTHER, null), caseworker())
                .expectException(invalidInput("required", "channel"))
                .expectNoEvents();
    }
}
