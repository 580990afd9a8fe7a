package org.childprotection.registry.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.childprotection.registry.kernel.PersonalData;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * An event's JSON as the log stores it, written and read in one pass: each {@link PersonalData} field is sealed
 * where the writer meets it and opened where the reader meets it, so only those fields pay, and nothing is parsed
 * twice (a whole tree sealed or opened and then written or read again cost a rebuild a third of its speed).
 */
final class PersonalFieldsJson {

    /** The case whose key seals the message being written, or opens the one being read: an attribute of either. */
    static final String CASE_ATTRIBUTE = PersonalFieldsJson.class.getName() + ".case";

    private PersonalFieldsJson() {
    }

    /**
     * A mapper like {@code mapper} whose personal fields seal and open themselves with {@code seal}; with none, one
     * that only reads, and leaves sealed fields closed (null).
     */
    static ObjectMapper of(ObjectMapper mapper, PersonalDataSeal seal) {
        ObjectMapper json = mapper.copy();
        return json.setAnnotationIntrospector(AnnotationIntrospector.pair(new NopAnnotationIntrospector() {
            @Override
            public Object findSerializer(Annotated member) {
                return member.hasAnnotation(PersonalData.class) ? new Sealing(seal, null, null) : null;
            }

            @Override
            public Object findDeserializer(Annotated member) {
                return member.hasAnnotation(PersonalData.class) ? new Opening(seal, null) : null;
            }
        }, json.getSerializationConfig().getAnnotationIntrospector()));
    }

    /** Writes the field's JSON sealed with its case's key, unless its {@code when} says it is not personal here. */
    private static final class Sealing extends JsonSerializer<Object> implements ContextualSerializer {

        private final PersonalDataSeal seal;
        private final JsonSerializer<Object> plain;
        private final Method when;

        Sealing(PersonalDataSeal seal, JsonSerializer<Object> plain, Method when) {
            this.seal = seal;
            this.plain = plain;
            this.when = when;
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            PersonalData mark = property.getAnnotation(PersonalData.class);
            Method condition = null;
            if (mark != null && !mark.when().isEmpty()) {
                Class<?> record = property.getMember().getDeclaringClass();
                try {
                    condition = record.getMethod(mark.when());
                } catch (NoSuchMethodException e) {
                    throw JsonMappingException.from(provider, record.getName() + " names no method " + mark.when()
                            + "()", e);
                }
            }
            return new Sealing(seal, provider.findValueSerializer(property.getType(), property), condition);
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (when != null && !personalIn(generator.currentValue())) {
                plain.serialize(value, generator, provider);
                return;
            }
            String caseId = (String) provider.getAttribute(CASE_ATTRIBUTE);
            if (caseId == null) {
                throw JsonMappingException.from(generator, "A personal field is written without its case");
            }
            generator.writeStartObject();
            generator.writeFieldName(PersonalDataSeal.SEALED);
            generator.writeBinary(seal.sealed(json(value, generator, provider), caseId));
            generator.writeEndObject();
        }

        /** The value's own JSON text; a text (nearly every personal field) without a writer of its own. */
        private byte[] json(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (value instanceof String text) {
                byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(text);
                byte[] json = new byte[quoted.length + 2];
                json[0] = '"';
                System.arraycopy(quoted, 0, json, 1, quoted.length);
                json[json.length - 1] = '"';
                return json;
            }
            ByteArrayBuilder plaintext = new ByteArrayBuilder();
            try (JsonGenerator alone = generator.getCodec().getFactory().createGenerator(plaintext)) {
                plain.serialize(value, alone, provider);
            }
            return plaintext.toByteArray();
        }

        private boolean personalIn(Object record) {
            try {
                return (Boolean) when.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot ask " + when, e);
            }
        }
    }

    /** Reads the field from its plaintext; null once the case is erased, or when it is to stay closed. */
    private static final class Opening extends JsonDeserializer<Object> implements ContextualDeserializer {

        private final PersonalDataSeal seal;
        private final JsonDeserializer<Object> plain;

        Opening(PersonalDataSeal seal, JsonDeserializer<Object> plain) {
            this.seal = seal;
            this.plain = plain;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            return new Opening(seal, context.findContextualValueDeserializer(property.getType(), property));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.START_OBJECT)) {
                return plain.deserialize(parser, context);   // written before sealing, or not sealed
            }
            if (seal == null) {
                parser.skipChildren();
                return plain.getNullValue(context);
            }
            byte[] sealed = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                parser.nextToken();
                if (PersonalDataSeal.SEALED.equals(name)) {
                    sealed = parser.getBinaryValue();
                } else {
                    parser.skipChildren();
                }
            }
            if (sealed == null) {
                return context.handleUnexpectedToken(Object.class, parser);
            }
            byte[] plaintext = seal.opened(sealed, (String) context.getAttribute(CASE_ATTRIBUTE));
            return plaintext == null ? plain.getNullValue(context) : value(plaintext, parser, context);
        }

        /**
         * The field's value from its JSON text. Nearly every personal field is a text without escapes: it is read
         * without a parser of its own, which would cost more than opening it.
         */
        private Object value(byte[] plaintext, JsonParser parser, DeserializationContext context) throws IOException {
            String text = plainText(plaintext);
            if (text != null && (Object) plain instanceof StringDeserializer) {
                return text;
            }
            try (JsonParser value = text != null ? textAlone(text, parser) : parser.getCodec().getFactory()
                    .createParser(plaintext)) {
                value.nextToken();
                return plain.deserialize(value, context);
            }
        }

        private static JsonParser textAlone(String text, JsonParser parser) throws IOException {
            TokenBuffer buffer = new TokenBuffer(parser.getCodec(), false);
            buffer.writeString(text);
            return buffer.asParser();
        }

        /** The text a JSON string holds, if it is one without escapes; else null. */
        private static String plainText(byte[] json) {
            int last = json.length - 1;
            if (last < 1 || json[0] != '"' || json[last] != '"') {
                return null;
            }
            for (int i = 1; i < last; i++) {
                if (json[i] == '\\') {
                    return null;
                }
            }
            return new String(json, 1, last - 1, StandardCharsets.UTF_8);
        }

        @Override
        public Object getNullValue(DeserializationContext context) throws JsonMappingException {
            return plain == null ? null : plain.getNullValue(context);
        }
    }
}
