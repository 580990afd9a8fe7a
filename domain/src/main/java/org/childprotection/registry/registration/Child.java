package org.childprotection.registry.registration;

import java.time.LocalDate;

/** The child as reported. Names are kept exactly as given; {@code idNumber} and {@code school} may be null. */
public record Child(String name, Sex sex, LocalDate dateOfBirth, String idNumber, Hukou hukou,
                    String villageCode, String school) {
}
