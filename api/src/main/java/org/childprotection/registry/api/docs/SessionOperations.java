package org.childprotection.registry.api.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.childprotection.registry.api.security.SecurityConfiguration.SESSION;

/**
 * Signing in and out ({@code POST} and {@code DELETE /api/session}): Spring Security's filters answer them, so no
 * controller describes them to springdoc; they are described here, after the answers every operation shares were
 * added ({@link OpenApiConfiguration#answersAsGiven}), since those are not theirs.
 */
@Component
@Order(OpenApiConfiguration.SHARED_ANSWERS + 1)
class SessionOperations implements OpenApiCustomizer {

    private static final String TAG = "session";
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.path(SESSION, new PathItem().post(signIn()).delete(signOut()));
    }

    private static Operation signIn() {
        Schema<?> credentials = new ObjectSchema()
                .addProperty("username", new StringSchema())
                .addProperty("password", new StringSchema().format("password"))
                .required(List.of("username", "password"));
        return new Operation().operationId("signIn").addTagsItem(TAG).security(List.of())
                .summary("Sign in: opens a session (the JSESSIONID cookie, HttpOnly, SameSite=Strict, Secure on TLS)")
                .description("The password is checked once, here; later requests carry the session cookie, and "
                        + "writes the X-XSRF-TOKEN header. The answer sets a new XSRF-TOKEN cookie for the session.")
                .addParametersItem(csrfHeader(true))
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType(
                        "application/x-www-form-urlencoded", new MediaType().schema(credentials))))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("Signed in: the user, as GET /api/me")
                                .addHeaderObject("Set-Cookie", new Header().schema(new StringSchema())
                                        .description("JSESSIONID, the session; XSRF-TOKEN, its CSRF token"))
                                .content(new Content().addMediaType("application/json",
                                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Me")))))
                        .addApiResponse("401", problem("Wrong username or password"))
                        .addApiResponse("403", problem("No X-XSRF-TOKEN header matching the XSRF-TOKEN cookie")));
    }

    private static Operation signOut() {
        return new Operation().operationId("signOut").addTagsItem(TAG).security(List.of())
                .summary("Sign out: ends the session; its cookie opens nothing after")
                .addParametersItem(csrfHeader(false))
                .responses(new ApiResponses()
                        .addApiResponse("204", new ApiResponse().description("Signed out (or there was no session)"))
                        .addApiResponse("403", problem("A session is open and the X-XSRF-TOKEN header does not "
                                + "match its XSRF-TOKEN cookie")));
    }

    private static HeaderParameter csrfHeader(boolean required) {
        return (HeaderParameter) new HeaderParameter().name("X-XSRF-TOKEN").required(required)
                .description("The value of the XSRF-TOKEN cookie the registry set; needed on every write of a "
                        + "session and on signing in").schema(new StringSchema());
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }
}
