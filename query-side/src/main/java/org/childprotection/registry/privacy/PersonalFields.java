package org.childprotection.registry.privacy;

import org.childprotection.registry.kernel.PersonalData;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where a message's personal data is, read once per class from the domain's {@link PersonalData} marks: its own
 * marked components, and those of the records it holds, alone or in lists.
 */
final class PersonalFields {

    /** A component of the record: marked (when {@code when} says so), or a record or list of records with marks. */
    record Field(RecordComponent component, Method when, PersonalFields nested, boolean elements) {

        String name() {
            return component.getName();
        }

        Object valueOf(Object record) {
            return invoke(component.getAccessor(), record);
        }

        boolean personalIn(Object record) {
            return when == null || (Boolean) invoke(when, record);
        }
    }

    private static final String DOMAIN = "org.childprotection.registry.";
    private static final ClassValue<PersonalFields> OF = new ClassValue<>() {
        @Override
        protected PersonalFields computeValue(Class<?> type) {
            return build(type);
        }
    };

    private final List<Field> fields;

    private PersonalFields(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    static PersonalFields of(Class<?> type) {
        return OF.get(type);
    }

    List<Field> fields() {
        return fields;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    private static PersonalFields build(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        if (type.isRecord() && type.getName().startsWith(DOMAIN)) {
            for (RecordComponent component : type.getRecordComponents()) {
                PersonalData mark = component.getAnnotation(PersonalData.class);
                if (mark != null) {
                    fields.add(new Field(component, when(type, mark), null, false));
                    continue;
                }
                Class<?> element = elementType(component);
                PersonalFields nested = element == null ? null : of(element);
                if (nested != null && !nested.isEmpty()) {
                    fields.add(new Field(component, null, nested, element != component.getType()));
                }
            }
        }
        return new PersonalFields(fields);
    }

    private static Method when(Class<?> type, PersonalData mark) {
        if (mark.when().isEmpty()) {
            return null;
        }
        try {
            return type.getMethod(mark.when());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " names no method " + mark.when() + "()", e);
        }
    }

    /** The record a component holds, itself or as the elements of a collection; null for anything else. */
    private static Class<?> elementType(RecordComponent component) {
        if (component.getType().isRecord()) {
            return component.getType();
        }
        Type generic = component.getGenericType();
        if (Collection.class.isAssignableFrom(component.getType()) && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return element;
        }
        return null;
    }

    private static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + method, e);
        }
    }
}
