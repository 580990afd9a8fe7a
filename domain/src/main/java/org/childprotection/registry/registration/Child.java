package org.childprotection.registry.registration;

import org.childprotection.registry.kernel.PersonalData;
import java.time.LocalDate;

/** The child as reported. Names are kept exactly as given; {@code idNumber} and {@code school} may be null. */
public record Child(@PersonalData String name, Sex sex, @PersonalData LocalDate dateOfBirth,
                    @PersonalData String idNumber, Hukou hukou, String villageCode, @PersonalData String school) {

    public Child withName(String newName) {
        return new Child(newName, sex, dateOfBirth, idNumber, hukou, villageCode, school);
    }

    public Child withSex(Sex newSex) {
        return new Child(name, newSex, dateOfBirth, idNumber, hukou, villageCode, school);
    }

    public Child withDateOfBirth(LocalDate newDateOfBirth) {
        return new Child(name, sex, newDateOfBirth, idNumber, hukou, villageCode, school);
    }

    public Child withIdNumber(String newIdNumber) {
        return new Child(name, sex, dateOfBirth, newIdNumber, hukou, villageCode, school);
    }

    public Child withHukou(Hukou newHukou) {
        return new Child(name, sex, dateOfBirth, idNumber, newHukou, villageCode, school);
    }

    public Child withVillageCode(String newVillageCode) {
        return new Child(name, sex, dateOfBirth, idNumber, hukou, newVillageCode, school);
    }

    public Child withSchool(String newSchool) {
        return new Child(name, sex, dateOfBirth, idNumber, hukou, villageCode, newSchool);
    }
}
