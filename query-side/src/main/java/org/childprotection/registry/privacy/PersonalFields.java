package org.childprotection.registry.privacy;

import org.childprotection.registry.kernel.PersonalData;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;

/**
 * Whether a message holds personal data, read once per class from the domain's {@link PersonalData} marks: on its
 * own components, or on those of the records it holds, alone or in collections.
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

    private PersonalFields() {
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
