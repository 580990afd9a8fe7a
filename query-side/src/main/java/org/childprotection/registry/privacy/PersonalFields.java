package org.childprotection.registry.privacy;

import org.childprotection.registry.kernel.PersonalData;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;

/**
 * Whether a message holds personal data, read once per class from the domain's {@link PersonalData} marks: on its
 * own components, or on those of the records it holds, alone or in collections; and the case whose key seals it.
 */
final class PersonalFields {

    private static final String DOMAIN = "org.childprotection.registry.";
    private static final ClassValue<Boolean> IN = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isRecord() && type.getName().startsWith(DOMAIN)
                    && Arrays.stream(type.getRecordComponents()).anyMatch(PersonalFields::holds);
        }
    };

    /**
     * A message's case: its first component, {@code caseId}, which Jackson writes first, so that a reader finds it
     * before any sealed field (docs/erasure.md).
     */
    private static final ClassValue<Method> CASE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null || components.length == 0 || !components[0].getName().equals("caseId")
                    || components[0].getType() != String.class) {
                throw new IllegalStateException(type.getName()
                        + " holds personal data but does not name its case first (String caseId)");
            }
            return components[0].getAccessor();
        }
    };

    private PersonalFields() {
    }

    /** The case of a message that holds personal data. */
    static String caseOf(Object message) {
        try {
            return (String) CASE.get(message.getClass()).invoke(message);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the case of a " + message.getClass().getSimpleName(), e);
        }
    }

    static boolean in(Class<?> type) {
        return IN.get(type);
    }

    private static boolean holds(RecordComponent component) {
        if (component.isAnnotationPresent(PersonalData.class)) {
            return true;
        }
        Class<?> type = component.getType();
        if (type.isRecord()) {
            return in(type);
        }
        Type generic = component.getGenericType();
        return Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element && in(element);
    }
}
