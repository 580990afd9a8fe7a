package org.childprotection.benchmarkfloor;

import java.time.LocalDate;
import java.util.List;

/** The body of the API's registration (POST /api/cases), bound as the API binds it: to records. */
record Registration(Child child, Parent father, Parent mother, Report report) {

    record Child(String name, String sex, LocalDate dateOfBirth, String hukou, String villageCode) {
    }

    record Parent(String status, String location) {
    }

    record Report(String source, List<String> triggers, String description) {
    }
}
