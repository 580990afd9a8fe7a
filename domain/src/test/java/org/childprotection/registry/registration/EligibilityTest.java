package org.childprotection.registry.registration;

import org.childprotection.registry.kernel.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.childprotection.registry.childcase.CaseExamples.child;
import static org.childprotection.registry.childcase.CaseExamples.childBornOn;
import static org.childprotection.registry.registration.ParentStatus.AT_HOME;
import static org.childprotection.registry.registration.ParentStatus.MIGRATED;
import static org.childprotection.registry.registration.ParentStatus.UNKNOWN;

class EligibilityTest {

    private static final LocalDate REGISTRATION_DATE = LocalDate.of(2026, 3, 1);
    private static final Parent MIGRATED_PARENT = new Parent(MIGRATED, "东莞");

    // ---- age ---------------------------------------------------------------------------------------------

    @Test
    void the_day_before_the_sixteenth_birthday_the_child_is_eligible() {
        Child child = childBornOn(LocalDate.of(2010, 3, 2), null);

        assertThatCode(() -> Eligibility.check(child, MIGRATED_PARENT, MIGRATED_PARENT, REGISTRATION_DATE))
                .doesNotThrowAnyException();
    }

    @Test
    void on_the_sixteenth_birthday_the_child_is_no_longer_eligible() {
        Child child = childBornOn(LocalDate.of(2010, 3, 1), null);

        assertThatThrownBy(() -> Eligibility.check(child, MIGRATED_PARENT, MIGRATED_PARENT, REGISTRATION_DATE))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.rule()).isEqualTo("eligibility-age");
                    assertThat(e.field()).isEqualTo("child.dateOfBirth");
                    assertThat(e.getMessage()).contains("16");
                });
    }

    @Test
    void an_older_child_is_not_eligible() {
        Child child = childBornOn(LocalDate.of(2008, 7, 15), null);

        assertRefused(child, MIGRATED_PARENT, MIGRATED_PARENT, "eligibility-age", "child.dateOfBirth");
    }

    @Test
    void a_newborn_is_eligible() {
        Child child = childBornOn(REGISTRATION_DATE, null);

        assertThatCode(() -> Eligibility.check(child, MIGRATED_PARENT, MIGRATED_PARENT, REGISTRATION_DATE))
                .doesNotThrowAnyException();
    }

    // ---- household registration ------------------------------------------------------------------------------

    @Test
    void an_urban_hukou_is_not_eligible() {
        Child urban = child().withHukou(Hukou.URBAN);

        assertRefused(urban, MIGRATED_PARENT, MIGRATED_PARENT, "eligibility-hukou", "child.hukou");
    }

    @Test
    void the_age_is_checked_before_the_hukou() {
        Child olderAndUrban = childBornOn(LocalDate.of(2005, 1, 1), null).withHukou(Hukou.URBAN);

        assertRefused(olderAndUrban, MIGRATED_PARENT, MIGRATED_PARENT, "eligibility-age", "child.dateOfBirth");
    }

    // ---- parents ------------------------------------------------------------------------------------------

    /** docs/domain.md: both parents migrated, or one migrated and the other incapable, deceased or unknown. */
    private static final Set<String> ELIGIBLE_FATHER_MOTHER = Set.of(
            "MIGRATED/MIGRATED",
            "MIGRATED/INCAPABLE", "MIGRATED/DECEASED", "MIGRATED/UNKNOWN",
            "INCAPABLE/MIGRATED", "DECEASED/MIGRATED", "UNKNOWN/MIGRATED");

    /** All 25 combinations of the two parents' statuses, with whether they make the child left behind. */
    static Stream<Arguments> parentCombinations() {
        return EnumSet.allOf(ParentStatus.class).stream().flatMap(father ->
                EnumSet.allOf(ParentStatus.class).stream().map(mother -> Arguments.of(father, mother,
                        ELIGIBLE_FATHER_MOTHER.contains(father + "/" + mother))));
    }

    @ParameterizedTest(name = "father {0}, mother {1}: eligible {2}")
    @MethodSource("parentCombinations")
    void parent_statuses(ParentStatus father, ParentStatus mother, boolean eligible) {
        Parent f = new Parent(father, null);
        Parent m = new Parent(mother, null);
        if (eligible) {
            assertThatCode(() -> Eligibility.check(child(), f, m, REGISTRATION_DATE)).doesNotThrowAnyException();
        } else {
            assertRefused(child(), f, m, "eligibility-parents", father == MIGRATED ? "mother.status" : "father.status");
        }
    }

    @Test
    void the_refusal_names_both_parents_statuses() {
        assertThatThrownBy(() -> Eligibility.check(child(), new Parent(AT_HOME, null), new Parent(UNKNOWN, null),
                REGISTRATION_DATE))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("father AT_HOME")
                .hasMessageContaining("mother UNKNOWN");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static void assertRefused(Child child, Parent father, Parent mother, String rule, String field) {
        assertThatThrownBy(() -> Eligibility.check(child, father, mother, REGISTRATION_DATE))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.field()).isEqualTo(field);
                });
    }
}
