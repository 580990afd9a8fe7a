package org.childprotection.registry.eventlog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of everything the registry stores: event payloads and metadata, tokens, read-model documents.
 * Deliberately not the web layer's ObjectMapper, so that API settings can never change stored bytes.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private EventJson() {
    }

    /** A shared, fully configured mapper; callers must not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
