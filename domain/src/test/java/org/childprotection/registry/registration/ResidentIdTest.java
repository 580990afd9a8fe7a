package org.childprotection.registry.registration;

import org.childprotection.registry.kernel.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.childprotection.registry.childcase.CaseExamples.residentId;
import static org.childprotection.registry.childcase.CaseExamples.residentIdEndingInX;
import static org.childprotection.registry.childcase.CaseExamples.withWrongCheckCharacter;

class ResidentIdTest {

    private static final LocalDate BIRTH = LocalDate.of(2015, 9, 12);
    private static final String FIELD = "child.idNumber";

    // ---- the check character ----------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            // the examples of GB 11643-1999, and numbers worked out by hand
            "11010519491231002, X",
            "44052418800101001, 4",
            "11010119900307803, X",
            "42112620150912123, 5",
            "53010219881105253, 2",
    })
    void computes_the_iso_7064_mod_112_check_character(String first17, char expected) {
        assertThat(ResidentId.checkCharacter(first17)).isEqualTo(expected);
    }

    @Test
    void every_check_character_can_occur() {
        StringBuilder seen = new StringBuilder();
        for (int sequence = 0; sequence < 1000; sequence++) {
            String id = residentId("421126", BIRTH, String.format("%03d", sequence));
            char check = id.charAt(17);
            if (seen.indexOf(String.valueOf(check)) < 0) {
                seen.append(check);
            }
        }
        assertThat(seen.chars().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString()).isEqualTo("0123456789X");
    }

    // ---- valid numbers -----------------------------------------------------------------------------------

    @Test
    void accepts_a_valid_number_of_the_childs_birth_date() {
        assertThatCode(() -> ResidentId.check(residentId(BIRTH), BIRTH, FIELD)).doesNotThrowAnyException();
    }

    @Test
    void accepts_the_check_character_x() {
        String id = residentIdEndingInX(BIRTH);

        assertThat(id).endsWith("X");
        assertThatCode(() -> ResidentId.check(id, BIRTH, FIELD)).doesNotThrowAnyException();
    }

    @Test
    void accepts_a_lowercase_x() {
        String id = residentIdEndingInX(BIRTH).toLowerCase();

        assertThat(id).endsWith("x");
        assertThatCode(() -> ResidentId.check(id, BIRTH, FIELD)).doesNotThrowAnyException();
    }

    // ---- refusals ----------------------------------------------------------------------------------------

    @Test
    void refuses_a_wrong_check_character() {
        assertRefused(withWrongCheckCharacter(residentId(BIRTH)), "resident-id-check");
    }

    @Test
    void refuses_an_x_where_the_check_character_is_a_digit() {
        String id = residentId(BIRTH);
        assertThat(id).doesNotEndWith("X");

        assertRefused(id.substring(0, 17) + "X", "resident-id-check");
    }

    @Test
    void refuses_a_digit_where_the_check_character_is_x() {
        String id = residentIdEndingInX(BIRTH);

        assertRefused(id.substring(0, 17) + "0", "resident-id-check");
    }

    @Test
    void refuses_a_number_of_another_birth_date() {
        assertThatThrownBy(() -> ResidentId.check(residentId(BIRTH.plusDays(1)), BIRTH, FIELD))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.rule()).isEqualTo("resident-id-birth-date");
                    assertThat(e.field()).isEqualTo(FIELD);
                    assertThat(e.getMessage()).contains("2015-09-13").contains("2015-09-12");
                });
    }

    @Test
    void refuses_a_number_with_an_impossible_birth_date() {
        // 30 February, with a correct check character
        String first17 = "421126" + "20150230" + "123";
        String id = first17 + ResidentId.checkCharacter(first17);

        assertRefused(id, "resident-id-birth-date");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 17, 19, 20})
    void refuses_a_wrong_length(int length) {
        String valid = residentId(BIRTH) + "1234";

        assertRefused(valid.substring(0, length), "resident-id-format");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 6, 13, 16})
    void refuses_a_non_digit_among_the_first_seventeen(int position) {
        String valid = residentId(BIRTH);

        assertRefused(valid.substring(0, position) + "A" + valid.substring(position + 1), "resident-id-format");
    }

    @Test
    void refuses_an_x_before_the_last_position() {
        String valid = residentId(BIRTH);

        assertRefused(valid.substring(0, 16) + "X" + valid.charAt(17), "resident-id-format");
    }

    @Test
    void refuses_full_width_digits() {
        // typed with a Chinese input method: Java counts '４' as a digit, the registry must not
        String valid = residentId(BIRTH);
        for (int position = 0; position < 17; position++) {
            String fullWidth = valid.substring(0, position) + (char) (valid.charAt(position) - '0' + '０')
                    + valid.substring(position + 1);
            assertRefused(fullWidth, "resident-id-format");
        }
    }

    @Test
    void a_full_width_number_is_refused_even_when_its_last_character_fits_the_arithmetic() {
        // Integer.parseInt reads full-width digits, so such a number once passed every check and was stored
        StringBuilder first17 = new StringBuilder();
        residentId(BIRTH).substring(0, 17).chars().forEach(c -> first17.append((char) (c - '0' + '０')));
        String id = first17.toString() + ResidentId.checkCharacter(first17.toString());

        assertRefused(id, "resident-id-format");
    }

    private static void assertRefused(String idNumber, String rule) {
        assertThatThrownBy(() -> ResidentId.check(idNumber, BIRTH, FIELD))
                .as("%s", idNumber)
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.field()).isEqualTo(FIELD);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }
}
