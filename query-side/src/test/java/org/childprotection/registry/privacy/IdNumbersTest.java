package org.childprotection.registry.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTest {

    @Test
    void a_resident_id_shows_its_region_and_its_last_four_characters() {
        assertThat(IdNumbers.mask("110101200801010016")).isEqualTo("110101********0016");
        assertThat(IdNumbers.mask("11010120080101001X")).isEqualTo("110101********001X");
    }

    @Test
    void a_number_too_short_to_hide_anything_is_all_stars_and_none_stays_none() {
        assertThat(IdNumbers.mask("1101012008")).isEqualTo("**********");
        assertThat(IdNumbers.mask("")).isEmpty();
        assertThat(IdNumbers.mask(null)).isNull();
    }
}
