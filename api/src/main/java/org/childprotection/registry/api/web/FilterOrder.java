package org.childprotection.registry.api.web;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.Ordered;

/**
 * Where each servlet filter stands, outermost first; every filter of the registry takes its place from here.
 * <ol>
 *     <li>{@link #REQUEST_IDS}: every answer, a refusal too, carries {@code X-Request-Id}, and the logs name it.</li>
 *     <li>{@link #DATABASE_OUTAGE}: an outage met in any filter below is answered 503 (inside Spring Boot's
 *     observation filter, at {@code HIGHEST_PRECEDENCE + 1}, so that the metrics see the 503).</li>
 *     <li>{@link #SECURITY}: Spring Security's chain (401, 403) at Spring Boot's default place, which
 *     {@code spring.security.filter.order} must not move. Inside it, the sign-in throttle stands before every
 *     authentication filter, so that a throttled sign-in (429) checks no password.</li>
 *     <li>{@link #REQUEST_GUARD}: after sign-in, so that a stranger learns nothing but 401.</li>
 *     <li>{@link #IDEMPOTENCY}: needs the user, and the body the guard has kept.</li>
 * </ol>
 * Then Spring MVC. {@code FilterOrderTest} checks this order on the running server.
 */
public final class FilterOrder {

    public static final int REQUEST_IDS = Ordered.HIGHEST_PRECEDENCE;
    public static final int DATABASE_OUTAGE = Ordered.HIGHEST_PRECEDENCE + 2;
    public static final int SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER;
    public static final int REQUEST_GUARD = SECURITY + 10;
    public static final int IDEMPOTENCY = SECURITY + 20;

    private FilterOrder() {
    }
}
