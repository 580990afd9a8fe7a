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
        String detail = status == HttpStatus.BAD_REQUEST
                ? "The request was refused: its path, headers or body are not acceptable to the registry."
                : status.is5xxServerError()
                ? "The registry could not complete the request; nothing was recorded unless a later read shows it."
                : "The request was refused: " + status.getReasonPhrase() + ".";
        return Problems.answer(Problems.ofStatus(status, detail));
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
