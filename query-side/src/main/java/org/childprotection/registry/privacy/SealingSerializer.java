package org.childprotection.registry.privacy;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.childprotection.registry.kernel.CaseMetadata;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event log's serializer: Axon's Jackson serializer, except that an event's personal fields are sealed with its
 * case's key on the way into the log and opened on the way out ({@link PersonalDataSeal}), for every reader the
 * same: the case itself, a rebuild, {@code replay --new}, {@code as-of}. The metadata's reason is sealed by the
 * storage engine, which knows the event's case; it is opened here.
 */
public class SealingSerializer implements Serializer {

    private static final String METADATA = MetaData.class.getName();

    private final Serializer jackson;
    private final PersonalDataSeal seal;
    /**
     * The class of each type the log names, by its name (all that Jackson's serializer resolves it by), found once:
     * Jackson's serializer asks the class loader every time, and this one asks for every message it reads.
     */
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    public SealingSerializer(Serializer jackson, PersonalDataSeal seal) {
        this.jackson = jackson;
        this.seal = seal;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !seal.holdsPersonalData(object.getClass())) {
            return jackson.serialize(object, expectedRepresentation);
        }
        return getConverter().convert(new SimpleSerializedObject<>(seal.seal(object), byte[].class,
                typeForClass(object.getClass())), expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (METADATA.equals(serializedObject.getType().getName())) {
            MetaData metaData = jackson.deserialize(serializedObject);
            Object reason = metaData.get(CaseMetadata.REASON);
            Object opened = seal.openValue(reason);
            return cast(opened == reason ? metaData : opened == null
                    ? metaData.withoutKeys(Set.of(CaseMetadata.REASON))
                    : metaData.and(CaseMetadata.REASON, opened));
        }
        Class<?> type = classForType(serializedObject.getType());
        if (!seal.holdsPersonalData(type)) {
            return jackson.deserialize(serializedObject);
        }
        return cast(seal.open(getConverter().convert(serializedObject, byte[].class).getData(), type));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return jackson.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return classes.computeIfAbsent(type.getName(), name -> jackson.classForType(type));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return jackson.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return jackson.getConverter();
    }
}
