package org.childprotection.registry.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class InputCheckTest {

    @Test
    void a_command_whose_fields_pass_is_not_refused() {
        InputCheck check = new InputCheck();
        check.text("孩子在家", "summary");
        check.present(Boolean.FALSE, "approve");
        check.adult(18, "age");

        assertThatCode(check::done).doesNotThrowAnyException();
    }

    @Test
    void every_bad_field_is_named_once_in_the_order_checked_under_its_own_rule() {
        InputCheck check = new InputCheck();
        check.text(" ", "summary");
        check.present(null, "approve");
        check.adult(17, "age");
        check.entries(Arrays.asList("a", null), "factors");
        check.rule(() -> {
            throw new InvalidInput("village-code", "villageCode", "villageCode must be a 12-digit village code.");
        });

        InvalidInput refusal = catchThrowableOfType(InvalidInput.class, check::done);

        assertThat(refusal.problems()).extracting(InvalidInput.Problem::field, InvalidInput.Problem::rule)
                .containsExactly(tuple("summary", "required"),
                        tuple("approve", "required"),
                        tuple("age", "adult-required"),
                        tuple("factors", "required"),
                        tuple("villageCode", "village-code"));
        assertThat(refusal.rule()).isEqualTo(InvalidInput.SEVERAL);
        assertThat(refusal.problems()).allSatisfy(problem -> assertThat(problem.message()).contains(problem.field()));
    }

    @Test
    void a_single_bad_field_is_refused_under_its_rule() {
        InputCheck check = new InputCheck();
        check.age(121, "caregiver.age");

        InvalidInput refusal = catchThrowableOfType(InvalidInput.class, check::done);

        assertThat(refusal.rule()).isEqualTo("age");
        assertThat(refusal.field()).isEqualTo("caregiver.age");
    }

    @Test
    void an_absent_optional_list_is_empty_and_a_given_one_is_copied() {
        InputCheck check = new InputCheck();
        List<String> given = new ArrayList<>(List.of("HEALTH"));

        assertThat(check.entries(null, "concerns")).isEmpty();
        List<String> recorded = check.entries(given, "concerns");
        given.add("MISSING");
        assertThat(recorded).containsExactly("HEALTH");
    }
}
