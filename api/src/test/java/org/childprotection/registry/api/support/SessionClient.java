package org.childprotection.registry.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Real HTTP in a session, as the web console and scripts that sign in once use the API (docs/api.md): it keeps the
 * cookies the registry sets, and sends the CSRF token of the XSRF-TOKEN cookie on every write.
 */
public final class SessionClient {

    public static final String SESSION = "/api/session";
    public static final String CSRF_COOKIE = "XSRF-TOKEN";
    public static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private final ApiClient api;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    SessionClient(ApiClient api) {
        this.api = api;
    }

    /** Signs in as a demo user. */
    public ApiClient.Answer signIn(String user) {
        return signIn(user, ApiClient.demoPassword(user));
    }

    /** Signs in, after a first call for the CSRF token when there is none yet. */
    public ApiClient.Answer signIn(String user, String password) {
        if (csrfToken() == null) {
            get("/api/me");
        }
        return send(withToken(request(SESSION))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + form(user) + "&password=" + form(password))));
    }

    public ApiClient.Answer signOut() {
        return send(withToken(request(SESSION)).DELETE());
    }

    public ApiClient.Answer get(String path) {
        return send(request(path).GET());
    }

    public ApiClient.Answer post(String path, Object body) {
        return send(withToken(request(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.text(body), StandardCharsets.UTF_8)));
    }

    /** A request in this session with no CSRF token: add it with {@link #withToken} where a write should carry it. */
    public HttpRequest.Builder request(String path) {
        return api.request(null, path);
    }

    public HttpRequest.Builder withToken(HttpRequest.Builder request) {
        String token = csrfToken();
        return token == null ? request : request.header(CSRF_HEADER, token);
    }

    /** Sends the request with this session's cookies in its Cookie header (which the API's observers see too). */
    public ApiClient.Answer send(HttpRequest.Builder request) {
        URI uri = request.copy().build().uri();
        String cookie = cookies.getCookieStore().get(uri).stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        ApiClient.Answer answer = api.send(cookie.isEmpty() ? request : request.header("Cookie", cookie));
        try {
            cookies.put(uri, answer.response().headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer;
    }

    public String csrfToken() {
        return cookie(CSRF_COOKIE);
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
