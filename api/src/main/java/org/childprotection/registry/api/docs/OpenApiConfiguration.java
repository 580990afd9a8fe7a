package org.childprotection.registry.api.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenAPI document at /v3/api-docs: HTTP Basic, and the problem+json answers every endpoint can give
 * (docs/api.md "Problems"), described once and attached to each operation.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI registryOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Child Protection Registry API").version("0.1")
                        .description("Event-sourced registry of rural left-behind children. Every change is an "
                                + "immutable event; reads come from projections of the event log."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details; errors lists each invalid field")
                .addProperty("type", new StringSchema().example("urn:child-protection-registry:problem:eligibility-age"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("rule", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError));
        return problem;
    }

    @Bean
    OpenApiCustomizer problemAnswers() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/")) {
                    return;
                }
                item.readOperationsMap().forEach((method, operation) -> describeProblems(method, operation));
            });
        };
    }

    private static void describeProblems(PathItem.HttpMethod method, Operation operation) {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Invalid input: errors names each field or rule");
        problems.put("401", "No or wrong credentials");
        problems.put("403", "The role may not do this, or the target lies outside the caller's jurisdiction");
        problems.put("404", "No such case in the caller's jurisdiction");
        if (method == PathItem.HttpMethod.POST) {
            problems.put("409", "The case, as it stands, does not allow this command");
            problems.put("412", "If-Match names a version that is no longer the case's");
            problems.put("413", "The body is larger than 64 KiB");
            problems.put("415", "The body is not application/json");
            problems.put("422", "The Idempotency-Key was used for a different request");
        }
        problems.put("503", "The database is unreachable for the moment; retry after Retry-After seconds");
        problems.forEach((status, description) -> operation.getResponses().computeIfAbsent(status, s ->
                new ApiResponse().description(description).content(new Content().addMediaType(
                        "application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM))))));
    }
}
