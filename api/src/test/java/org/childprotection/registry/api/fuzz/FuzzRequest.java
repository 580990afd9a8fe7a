package org.childprotection.registry.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One generated HTTP request: method, path with query, headers (including Authorization) and body bytes. */
record FuzzRequest(String method, String path, Map<String, String> headers, byte[] body) {

    @Override
    public String toString() {
        String text = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return method + " " + path + " " + headers + (body == null ? "" : " body(" + body.length + " bytes): " + text);
    }
}
