package org.childprotection.registry.api.docs;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.childprotection.registry.api.cases.CaseCommandContext;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI document at /v3/api-docs: HTTP Basic, a session's cookie or a bearer token, and for every operation
 * the answers it really gives (docs/api.md), the problem+json ones described once here. {@code OpenApiContractTest}
 * checks every answer of a working day against the served document, so that it cannot drift from the API.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** The order of {@link #answersAsGiven} among the document's customizers. */
    static final int SHARED_ANSWERS = 0;
    private static final String PROBLEM = "Problem";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)}");
    /** The case commands: those that act on an existing case, and so may carry If-Match. */
    private static final Pattern CASE_COMMAND = Pattern.compile("^/api/cases/\\{caseId}/.+");

    static {
        // resolved from the path, the If-Match header and authentication; those parts are documented below
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CaseCommandContext.class);
    }

    @Bean
    OpenAPI registryOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Child Protection Registry API").version("0.1")
                        .description("Event-sourced registry of rural left-behind children. Every change is an "
                                + "immutable event; reads come from projections of the event log."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The session POST /api/session opened; its writes also carry the "
                                        + "X-XSRF-TOKEN header"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("An access token of the site's identity provider, where one is "
                                        + "configured (docs/identity-providers.md).")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("session"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Schemas are named after the type's simple name, and query-side has several nested {@code Result} records
     * (integrity verification, dead-letter retry): each would take the others' place under one name. They are
     * named after their enclosing type as well ({@code IntegrityVerifierResult}).
     */
    @Bean
    ModelConverter nestedResultNames() {
        return (type, context, chain) -> {
            Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
            if (type.getName() == null && raw.getEnclosingClass() != null && raw.getSimpleName().equals("Result")) {
                type.name(raw.getEnclosingClass().getSimpleName() + raw.getSimpleName());
            }
            return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        };
    }

    @Bean
    @Order(SHARED_ANSWERS)
    OpenApiCustomizer answersAsGiven() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                declarePathVariables(path, operation);
                declareRequestHeaders(method, path, operation);
                problems(method, path, operation.getRequestBody() != null).forEach((status, description) ->
                        operation.getResponses().computeIfAbsent(status, s -> problemAnswer(status, description)));
                declareAnswerHeaders(method, path, operation);
            }));
        };
    }

    /**
     * The problems an operation can answer, and why. Before security the request guards answer 400 (an unreadable
     * Accept, a NUL in the query), 406 and 415 on any request; security answers 401, and 403 wherever a role is
     * needed (all but /api/me) or a session's write lacks its CSRF token; 429 to credentials while their username or
     * address is throttled after failed sign-ins; 404 where the path names something; 503 wherever the database is
     * read. A POST passes the command filter (413; Idempotency-Key: 400, 409 while the first is under way, 422 when
     * reused for another request); a case command may also be refused by the case as it stands (409) or by its
     * If-Match (412).
     */
    private static Map<String, String> problems(PathItem.HttpMethod method, String path, boolean body) {
        boolean me = path.equals("/api/me");
        boolean post = method == PathItem.HttpMethod.POST;
        boolean caseCommand = post && CASE_COMMAND.matcher(path).matches();
        Map<String, String> problems = new TreeMap<>();
        problems.put("400", "Invalid input: errors names each field, parameter or header");
        problems.put("401", "No or wrong credentials");
        problems.put("406", "Accept names no media type this operation answers in");
        problems.put("415", body ? "The body is not application/json" : "Content-Type is not one media type");
        problems.put("429", "Too many failed sign-ins for this username or from this address: the credentials were "
                + "not checked; retry after Retry-After seconds");
        if (!me) {
            problems.put("403", "The role may not do this, or the target lies outside the caller's jurisdiction");
            problems.put("503", "The database is unreachable for the moment; retry after Retry-After seconds");
        }
        if (path.contains("{")) {
            problems.put("404", "What the path names does not exist, or not in the caller's jurisdiction");
        }
        if (post) {
            problems.put("409", (caseCommand ? "The case, as it stands, does not allow this command; or " : "")
                    + "a request with this Idempotency-Key is still under way");
            problems.put("413", "The body is larger than 64 KiB");
            problems.put("422", "The Idempotency-Key was used for a different request");
        }
        if (caseCommand) {
            problems.put("412", "If-Match names a version that is no longer the case's");
        }
        return problems;
    }

    private static ApiResponse problemAnswer(String status, String description) {
        ApiResponse answer = new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM))));
        return status.equals("503") || status.equals("429") ? answer.addHeaderObject("Retry-After",
                new Header().description("seconds").schema(new IntegerSchema())) : answer;
    }

    /** Path variables that an endpoint reads through a resolver rather than {@code @PathVariable}. */
    private static void declarePathVariables(String path, Operation operation) {
        Matcher variable = PATH_VARIABLE.matcher(path);
        while (variable.find()) {
            String name = variable.group(1);
            if (!hasParameter(operation, "path", name)) {
                operation.addParametersItem(new PathParameter().name(name).required(true).schema(new StringSchema()));
            }
        }
    }

    private static void declareRequestHeaders(PathItem.HttpMethod method, String path, Operation operation) {
        if (method != PathItem.HttpMethod.POST) {
            return;
        }
        if (CASE_COMMAND.matcher(path).matches() && !hasParameter(operation, "header", "If-Match")) {
            operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                    .description("The case's version the command is based on, as an entity tag such as \"3\"; "
                            + "refused with 412 once the case has moved on")
                    .schema(new StringSchema()));
        }
        if (hasParameter(operation, "header", "Idempotency-Key")) {
            return;
        }
        operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                .description("A repeat of the request with this key answers the first answer and changes nothing")
                .schema(new StringSchema().pattern("[A-Za-z0-9._:-]{1,100}")));
    }

    private static void declareAnswerHeaders(PathItem.HttpMethod method, String path, Operation operation) {
        ApiResponse created = operation.getResponses().get("201");
        if (created != null) {
            created.addHeaderObject("Location", new Header().description("the path of what was created")
                    .schema(new StringSchema()));
        }
        if (method == PathItem.HttpMethod.GET && path.equals("/api/cases/{caseId}")) {
            operation.getResponses().get("200").addHeaderObject("ETag", new Header()
                    .description("the case's version as an entity tag, for If-Match").schema(new StringSchema()));
        }
    }

    private static boolean hasParameter(Operation operation, String in, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .map(Parameter.class::cast)
                .anyMatch(p -> in.equals(p.getIn()) && name.equals(p.getName()));
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details; errors lists each invalid field")
                .addProperty("type", new StringSchema().example("urn:child-protection-registry:problem:eligibility-age"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("rule", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError));
    }
}
