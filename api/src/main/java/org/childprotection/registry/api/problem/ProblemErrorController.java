package org.childprotection.registry.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answer to errors raised outside Spring MVC, which the servlet container forwards to {@code /error}: a
 * request the security firewall rejects (a path with {@code //}, {@code ..}, an encoded slash or a semicolon), or a
 * filter's {@code sendError}. They are problem+json like every other refusal, instead of Spring Boot's own error
 * map, and name no exception.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        return Problems.answer(Problems.ofStatus(status));
    }

    /** Asked for directly, {@code /error} is no resource of the API. */
    private static HttpStatus status(Object code) {
        if (code == null) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
