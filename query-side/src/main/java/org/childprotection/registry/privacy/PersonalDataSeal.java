package org.childprotection.registry.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.eventlog.EventJson;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
    private final CaseKeys keys;

    public PersonalDataSeal(CaseKeys keys) {
        this.keys = keys;
    }

    /** Whether a message of this type holds any personal field. */
    public boolean holdsPersonalData(Class<?> type) {
        return !PersonalFields.of(type).isEmpty();
    }

    /** The message as the log stores it: its JSON, each personal field sealed with the case's key. */
    public ObjectNode seal(Object message, String caseId) {
        ObjectNode tree = json.valueToTree(message);
        seal(message, PersonalFields.of(message.getClass()), tree, caseId, keys.forSealing(caseId));
        return tree;
    }

    /** A value that is personal data as such (a command's reason, in the metadata), sealed alone. */
    public Map<String, String> sealValue(String value, String caseId) {
        return sealed(json.valueToTree(value), caseId, keys.forSealing(caseId));
    }

    /** Opens every sealed field in the tree (in place), or makes it null once its case is erased. */
    public JsonNode open(JsonNode tree) {
        if (isSealed(tree)) {
            return opened((ObjectNode) tree);
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
            return opened.isNull() ? null : opened.isTextual() ? opened.asText() : json.convertValue(opened, Object.class);
        }
        return value;
    }

    /** JSON text with every sealed field opened. */
    public String open(String jsonText) {
        if (jsonText == null || !jsonText.contains("\"" + SEALED + "\"")) {
            return jsonText;
        }
        try {
            return json.writeValueAsString(open(json.readTree(jsonText)));
        } catch (IOException e) {
            throw new UncheckedIOException("An event's stored JSON cannot be read", e);
        }
    }

    private void seal(Object record, PersonalFields plan, ObjectNode tree, String caseId, SecretKey key) {
        for (PersonalFields.Field field : plan.fields()) {
            JsonNode value = tree.get(field.name());
            if (value == null || value.isNull()) {
                continue;
            }
            if (field.nested() == null) {
                if (field.personalIn(record)) {
                    tree.set(field.name(), json.valueToTree(sealed(value, caseId, key)));
                }
            } else if (field.elements()) {
                Iterator<?> elements = ((Iterable<?>) field.valueOf(record)).iterator();
                for (JsonNode element : value) {
                    seal(elements.next(), field.nested(), (ObjectNode) element, caseId, key);
                }
            } else {
                seal(field.valueOf(record), field.nested(), (ObjectNode) value, caseId, key);
            }
        }
    }

    private Map<String, String> sealed(JsonNode value, String caseId, SecretKey key) {
        try {
            Map<String, String> sealed = new LinkedHashMap<>();
            sealed.put(SEALED, Base64.getEncoder().encodeToString(Aead.seal(key, caseId,
                    json.writeValueAsBytes(value))));
            sealed.put(CASE, caseId);
            return sealed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSealed(JsonNode node) {
        return node instanceof ObjectNode object && object.size() == 2 && object.path(SEALED).isTextual()
                && object.path(CASE).isTextual();
    }

    private JsonNode opened(ObjectNode sealed) {
        String caseId = sealed.get(CASE).asText();
        Optional<SecretKey> key = keys.forOpening(caseId);
        if (key.isEmpty()) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(Aead.open(key.get(), caseId, Base64.getDecoder().decode(sealed.get(SEALED).asText())));
        } catch (IOException e) {
            throw new UncheckedIOException("A sealed field of case " + caseId + " is not JSON", e);
        }
    }
}
