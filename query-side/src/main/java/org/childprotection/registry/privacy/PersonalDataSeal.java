package org.childprotection.registry.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.eventlog.EventJson;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seals the personal fields of a case's events with the case's data key, in the JSON the log stores, and opens
 * them again (docs/erasure.md). A sealed field is the object {@code {"sealed": <base64 of nonce, ciphertext and
 * tag>}} in place of its value: the ciphertext is the value's own JSON, so any type seals alike. The key is the
 * case's, named once per event by its first member, {@code caseId}; a value sealed outside its event (a command's
 * reason, in the metadata) names its case itself: {@code {"sealed": ..., "case": <case id>}}. No value of a field
 * the registry takes from a user is an object of these members, so nothing else is read as sealed. Once the case's
 * key is destroyed, a sealed field reads as null.
 */
@Component
public class PersonalDataSeal {

    static final String SEALED = "sealed";
    /** The case of a value sealed outside its case's event. */
    static final String CASE = "case";
    private static final byte[] LEADING_CASE = "{\"caseId\":\"".getBytes(StandardCharsets.UTF_8);

    /** A reader per message type, built once: finding a type's deserializer is dearer than reading a field. */
    private final ClassValue<ObjectReader> readers = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return sealing.readerFor(type);
        }
    };
    private final ClassValue<ObjectReader> closedReaders = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return closed.readerFor(type);
        }
    };

    private final ObjectMapper json = EventJson.mapper();
    private final ObjectMapper sealing;
    private final ObjectMapper closed = PersonalFieldsJson.of(json, null);
    private final CaseKeys keys;

    public PersonalDataSeal(CaseKeys keys) {
        this.keys = keys;
        this.sealing = PersonalFieldsJson.of(json, this);
    }

    /** A new case's first event is about to be written: its key is made now, without looking for one. */
    public void newCase(String caseId) {
        keys.create(caseId);
    }

    /** The keys of these cases, read ahead in one query for a batch of their events about to be opened. */
    public void readAhead(Collection<String> caseIds) {
        keys.readAhead(caseIds);
    }

    /** Whether a message of this type holds any personal field. */
    public boolean holdsPersonalData(Class<?> type) {
        return PersonalFields.in(type);
    }

    /** The message as the log stores it: its JSON, each personal field sealed with its case's key. */
    public byte[] seal(Object message) {
        try {
            return sealing.writer().withAttribute(PersonalFieldsJson.CASE_ATTRIBUTE,
                    holdsPersonalData(message.getClass()) ? PersonalFields.caseOf(message) : null)
                    .writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw unwrapped(e, "Cannot write a " + message.getClass().getSimpleName());
        }
    }

    /** A message of this type read from the log, each sealed field opened (null once its case is erased). */
    public <T> T open(byte[] stored, Class<T> type) {
        try {
            return readers.get(type).withAttribute(PersonalFieldsJson.CASE_ATTRIBUTE, caseIn(stored))
                    .readValue(stored);
        } catch (IOException e) {
            throw unwrapped(e, "Cannot read a " + type.getSimpleName() + " from the log");
        }
    }

    /**
     * A message of this type read from the log with its sealed fields left closed (null), for a reader that keeps
     * none of them: no key is used, and nothing personal is decrypted only to be thrown away.
     */
    public <T> T openWithoutPersonalData(byte[] stored, Class<T> type) {
        try {
            return closedReaders.get(type).readValue(stored);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read a " + type.getSimpleName() + " from the log", e);
        }
    }

    /** A key's refusal (an erased case, a key-encryption key not configured) as itself, not as a JSON problem. */
    private static RuntimeException unwrapped(IOException e, String message) {
        return e.getCause() instanceof RuntimeException refusal ? refusal : new IllegalStateException(message, e);
    }

    /** A value that is personal data as such (a command's reason, in the metadata), sealed alone. */
    public Map<String, String> sealValue(String value, String caseId) {
        try {
            Map<String, String> sealed = new LinkedHashMap<>();
            sealed.put(SEALED, Base64.getEncoder().encodeToString(sealed(json.writeValueAsBytes(value), caseId)));
            sealed.put(CASE, caseId);
            return sealed;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The case of a message as the log stores it: read from its leading bytes, as this registry writes every message
     * that holds personal data; from its parsed JSON otherwise.
     */
    private String caseIn(byte[] stored) {
        if (Arrays.equals(stored, 0, Math.min(stored.length, LEADING_CASE.length), LEADING_CASE, 0,
                LEADING_CASE.length)) {
            for (int i = LEADING_CASE.length; i < stored.length && stored[i] != '\\'; i++) {
                if (stored[i] == '"') {
                    return new String(stored, LEADING_CASE.length, i - LEADING_CASE.length, StandardCharsets.UTF_8);
                }
            }
        }
        try {
            JsonNode caseId = json.readTree(stored).get("caseId");
            return caseId == null || !caseId.isTextual() ? null : caseId.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("A message in the log is not JSON", e);
        }
    }

    /**
     * Opens every sealed field in the tree (in place) of an event of the case, or of its metadata, or makes it null
     * once the case is erased; without the case (null), each sealed value names its own.
     */
    public JsonNode open(JsonNode tree, String caseId) {
        if (isSealed(tree)) {
            byte[] plaintext = opened(Base64.getDecoder().decode(tree.get(SEALED).asText()),
                    caseId != null ? caseId : tree.path(CASE).textValue());
            try {
                return plaintext == null ? NullNode.getInstance() : json.readTree(plaintext);
            } catch (IOException e) {
                throw new UncheckedIOException("A sealed field is not JSON", e);
            }
        }
        if (tree instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = open(field.getValue(), caseId);
                if (value != field.getValue()) {
                    field.setValue(value);
                }
            }
        } else if (tree instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = open(array.get(i), caseId);
                if (value != array.get(i)) {
                    array.set(i, value);
                }
            }
        }
        return tree;
    }

    /** A metadata value: opened if sealed (null once erased), else as it is. */
    public Object openValue(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 2 && map.get(SEALED) instanceof String
                && map.get(CASE) instanceof String) {
            JsonNode opened = open(json.valueToTree(map), null);
            return opened.isNull() ? null
                    : opened.isTextual() ? opened.asText() : json.convertValue(opened, Object.class);
        }
        return value;
    }

    /** A field's JSON text sealed with its case's key (made with the case's first sealed field). */
    byte[] sealed(byte[] plaintext, String caseId) {
        return Aead.seal(keys.forSealing(caseId), caseId, plaintext);
    }

    /** The JSON text of one sealed field, or null once its case is erased. */
    byte[] opened(byte[] sealed, String caseId) {
        if (caseId == null) {
            throw new IllegalStateException("A sealed field names no case whose key could open it");
        }
        return keys.forOpening(caseId).map(key -> Aead.open(key, caseId, sealed)).orElse(null);
    }

    private static boolean isSealed(JsonNode node) {
        return node instanceof ObjectNode object && object.path(SEALED).isTextual()
                && (object.size() == 1 || object.size() == 2 && object.path(CASE).isTextual());
    }
}
