package org.childprotection.registry.registration;

import org.childprotection.registry.kernel.InvalidInput;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is a left-behind child (docs/domain.md "Eligibility"): under 16 on the registration date, a rural household
 * registration, and both parents migrated, or one migrated and the other unable to care for the child.
 */
public final class Eligibility {

    public static final int AGE_LIMIT = 16;
    private static final Set<ParentStatus> CANNOT_CARE =
            EnumSet.of(ParentStatus.INCAPABLE, ParentStatus.DECEASED, ParentStatus.UNKNOWN);

    private Eligibility() {
    }

    public static void check(Child child, Parent father, Parent mother, LocalDate registrationDate) {
        if (!child.dateOfBirth().plusYears(AGE_LIMIT).isAfter(registrationDate)) {
            throw new InvalidInput("eligibility-age", "child.dateOfBirth",
                    "The child is " + AGE_LIMIT + " or older on the registration date; only children under "
                            + AGE_LIMIT + " can be registered.");
        }
        if (child.hukou() != Hukou.RURAL) {
            throw new InvalidInput("eligibility-hukou", "child.hukou",
                    "Only children with a rural household registration (hukou RURAL) can be registered.");
        }
        if (!parentsAway(father.status(), mother.status())) {
            // name the parent who keeps the child from being left behind: the one not migrated, father first
            String field = father.status() == ParentStatus.MIGRATED ? "mother.status" : "father.status";
            throw new InvalidInput("eligibility-parents", field,
                    "The child is not left behind: both parents must have migrated for work, or one migrated and"
                            + " the other be incapable, deceased or unknown (father " + father.status()
                            + ", mother " + mother.status() + ").");
        }
    }

    private static boolean parentsAway(ParentStatus father, ParentStatus mother) {
        return father == ParentStatus.MIGRATED && (mother == ParentStatus.MIGRATED || CANNOT_CARE.contains(mother))
                || mother == ParentStatus.MIGRATED && CANNOT_CARE.contains(father);
    }
}
