package org.childprotection.registry.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's error report, for what Tomcat refuses before the application sees it (a path that leaves the root
 * such as {@code /..}, an encoded NUL or slash, a malformed request): a problem+json like every other refusal
 * instead of Tomcat's HTML page. Errors the application answers itself are left as they are.
 */
class ContainerProblemValve extends ErrorReportValve {

    private final ObjectMapper json;

    ContainerProblemValve(ObjectMapper json) {
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        try {
            byte[] body = json.writeValueAsBytes(Problems.of(status, status.name().toLowerCase().replace('_', '-'),
                    "The request was refused before it reached the registry: its path or form is not acceptable."));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started: nothing more can be said
        }
    }
}
