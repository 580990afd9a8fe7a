package org.childprotection.registry.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a request string carrying one would be stored in the
 * event log and then fail in every projection. Every JSON string of a request body is refused with it, as a 400
 * that names the field.
 */
@Configuration(proxyBeanMethods = false)
public class NulInJson {

    public static final String MESSAGE = "must not contain the NUL character (U+0000)";

    @Bean
    Jackson2ObjectMapperBuilderCustomizer stringsWithoutNul() {
        return builder -> builder.deserializerByType(String.class, new TextWithoutNul());
    }

    static class TextWithoutNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw context.weirdStringException(text, String.class, MESSAGE);
            }
            return text;
        }
    }
}
