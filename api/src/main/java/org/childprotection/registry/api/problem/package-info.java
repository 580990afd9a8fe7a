/**
 * Every error answer is a problem+json that {@link org.childprotection.registry.api.problem.Problems} builds and
 * writes, whichever layer refuses the request. The layers, as a request meets them (filters in
 * {@code web.FilterOrder}; a database outage is the same 503 in filters and MVC, {@link DatabaseOutage}):
 * <pre>
 * Tomcat valve  ContainerProblemValve    what Tomcat refuses itself (/.., %00 in the path), an error without body
 * security      ProblemSecurityHandlers  401 and 403 (RequestIds and DatabaseOutageFilter stand outside it)
 * filters       web.RequestGuard, ...    413, 415, 400 for Accept and NUL; the idempotency filter's 409 and 422
 * Spring MVC    ApiExceptionHandler      the registry's refusals, Spring MVC's own (404, 405, 406...), 500
 * /error        ProblemErrorController   a filter's sendError, the security firewall's 400, /error asked for
 * </pre>
 */
package org.childprotection.registry.api.problem;
