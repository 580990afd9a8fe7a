package org.childprotection.registry.api.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import java.io.IOException;

/**
 * Tomcat's error report, for what Tomcat refuses before the application sees it (a path that leaves the root
 * such as {@code /..}, an encoded NUL or slash, a malformed request): a problem+json like every other refusal
 * instead of Tomcat's HTML page. Errors the application answers itself are left as they are, but for an error
 * status set without a body (Spring Boot's welcome page answers 406 so to a client that takes no HTML): that one
 * gets a problem too, so that no refusal leaves without one.
 */
class ContainerProblemValve extends ErrorReportValve {

    private final Problems problems;

    ContainerProblemValve(Problems problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        boolean refusedByTomcat = response.isError();
        if (code < 400 || response.getContentWritten() > 0 || refusedByTomcat && !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        try {
            problems.write(response, refusedByTomcat ? Problems.ofStatus(status,
                    "The request was refused before it reached the registry: its path or form is not acceptable.")
                    : Problems.ofStatus(status));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started: nothing more can be said
        }
    }
}
