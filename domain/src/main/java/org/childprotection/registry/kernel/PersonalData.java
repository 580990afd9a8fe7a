package org.childprotection.registry.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of an event that names, identifies or describes a person (the child, a parent, a carer) or is free text
 * that may: the log stores it encrypted with its case's own key, and erasing the case destroys that key
 * (docs/erasure.md). Codes, dates of events, statuses, colours, village codes and actors are not personal data
 * here: statistics, caseloads and the audit trail's filters must work on them without any key.
 */
@Retention(RetentionPolicy.RUNTIME)
// on the record's component, and so on its constructor's parameter and its accessor, which a JSON reader and
// writer see
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
public @interface PersonalData {

    /**
     * For a field that is personal data only in some events: the name of a public no-argument boolean method of
     * the record that says whether it is in this one. Empty: always.
     */
    String when() default "";
}
