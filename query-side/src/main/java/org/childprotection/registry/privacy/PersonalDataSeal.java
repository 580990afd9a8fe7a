package org.childprotection.registry.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.eventlog.EventJson;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seals the personal fields of a case's events with the case's data key, in the JSON the log stores, and opens
 * them again (docs/erasure.md). A sealed field is the object {@code {"sealed": <base64 of nonce, ciphertext and
 * tag>, "case": <case id>}} in place of its value: the ciphertext is the value's own JSON, so any type seals alike,
 * and the case id says which key opens it, so a reader needs nothing else. No value of a field the registry takes
 * from a user is an object of exactly these two members, so nothing else is read as sealed. Once the case's key is
 * destroyed, a sealed field reads as null.
 */
@Component
public class PersonalDataSeal {

    static final String SEALED = "sealed";
    static final String CASE = "case";

    private final ObjectMapper json = EventJson.mapper();
    private final ObjectMapper sealing;
    private final CaseKeys keys;

    public PersonalDataSeal(CaseKeys keys) {
        this.keys = keys;
        this.sealing = PersonalFieldsJson.of(json, this);
    }

    /** A new case's first event is about to be written: its key is made now, without looking for one. */
    public void newCase(String caseId) {
        keys.create(caseId);
    }

    /** Whether a message of this type holds any personal field. */
    public boolean holdsPersonalData(Class<?> type) {
        return PersonalFields.in(type);
    }

    /** The message as the log stores it: its JSON, each personal field sealed with the case's key. */
    public byte[] seal(Object message, String caseId) {
        try {
            return sealing.writer().withAttribute(PersonalFieldsJson.CASE_ATTRIBUTE, caseId)
                    .writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw unwrapped(e, "Cannot write a " + message.getClass().getSimpleName());
        }
    }

    /** A message of this type read from the log, each sealed field opened (null once its case is erased). */
    public <T> T open(byte[] stored, Class<T> type) {
        try {
            return sealing.readValue(stored, type);
        } catch (IOException e) {
            throw unwrapped(e, "Cannot read a " + type.getSimpleName() + " from the log");
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
            sealed.put(SEALED, sealed(json.writeValueAsBytes(value), caseId));
            sealed.put(CASE, caseId);
            return sealed;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens every sealed field in the tree (in place), or makes it null once its case is erased. */
    public JsonNode open(JsonNode tree) {
        if (isSealed(tree)) {
            byte[] plaintext = opened(tree.get(SEALED).asText(), tree.get(CASE).asText());
            try {
                return plaintext == null ? NullNode.getInstance() : json.readTree(plaintext);
            } catch (IOException e) {
                throw new UncheckedIOException("A sealed field is not JSON", e);
            }
        }
        if (tree instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = open(field.getValue());
                if (value != field.getValue()) {
                    field.setValue(value);
                }
            }
        } else if (tree instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = open(array.get(i));
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
            JsonNode opened = open(json.valueToTree(map));
            return opened.isNull() ? null
                    : opened.isTextual() ? opened.asText() : json.convertValue(opened, Object.class);
        }
        return value;
    }

    /** The base64 of a field's JSON text sealed with its case's key (made with the case's first sealed field). */
    String sealed(byte[] plaintext, String caseId) {
        return Base64.getEncoder().encodeToString(Aead.seal(keys.forSealing(caseId), caseId, plaintext));
    }

    /** The JSON text of one sealed field, or null once its case is erased. */
    byte[] opened(String sealed, String caseId) {
        return keys.forOpening(caseId).map(key -> Aead.open(key, caseId, Base64.getDecoder().decode(sealed)))
                .orElse(null);
    }

    private static boolean isSealed(JsonNode node) {
        return node instanceof ObjectNode object && object.size() == 2 && object.path(SEALED).isTextual()
                && object.path(CASE).isTextual();
    }
}
