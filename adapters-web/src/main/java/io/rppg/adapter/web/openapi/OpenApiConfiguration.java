package io.rppg.adapter.web.openapi;

import io.rppg.adapter.web.Routes;
import io.rppg.adapter.web.error.ApiSurface;
import io.rppg.adapter.web.security.SecurityConfiguration;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The OpenAPI 3 document at {@code /v3/api-docs} (one group per surface at {@code /v3/api-docs/<group>}) and the
 * Swagger UI at {@code /swagger-ui.html}. Rather than annotating every controller, the errors every operation may
 * answer (400, 401, 403, 429) are added here, each in the shape of the operation's surface.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String BEARER = "bearer";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";

    @Bean
    OpenAPI platformOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("rPPG vitals platform")
                        .version("1")
                        .description("""
                                Vital signs from face videos. Three surfaces serve the same use cases: the rPPG v1 \
                                API (/api/v1), a Nervoscan-compatible API (/clientlogin, /clientgeturl, ...) and the \
                                v2 platform API (/v2, /api/v2); platform and tenant administration lives under \
                                /api/v1/admin. Every authenticated response carries X-RateLimit-Limit, \
                                X-RateLimit-Remaining and X-RateLimit-Reset; a spent limit is answered with 429 and \
                                Retry-After."""))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT access token or rppg_live_ API key")
                                .description("Authorization: Bearer <access token from a login, or an API key "
                                        + "starting with rppg_live_>"))
                        .addSchemas(schemaName(ApiSurface.V1), v1Error())
                        .addSchemas(schemaName(ApiSurface.NERVOSCAN), nervoscanError())
                        .addSchemas(schemaName(ApiSurface.V2), v2Error()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * The platform writes JSON in snake_case ({@code spring.jackson.property-naming-strategy}); springdoc reads
     * models with its own mapper, so it is told the same.
     */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    GroupedOpenApi v1Group() {
        return GroupedOpenApi.builder().group("v1").displayName("rPPG v1")
                .pathsToMatch("/api/v1/**", "/health")
                .pathsToExclude("/api/v1/admin/**")
                .build();
    }

    @Bean
    GroupedOpenApi nervoscanGroup() {
        return GroupedOpenApi.builder().group("nervoscan").displayName("Nervoscan compatible")
                .pathsToMatch(Routes.NERVOSCAN.toArray(String[]::new))
                .build();
    }

    @Bean
    GroupedOpenApi v2Group() {
        return GroupedOpenApi.builder().group("v2").displayName("v2 platform")
                .pathsToMatch(Stream.concat(Routes.V2_PREFIXES.stream().map(prefix -> prefix + "/**"),
                        Stream.of("/.well-known/jwks.json")).toArray(String[]::new))
                .build();
    }

    @Bean
    GroupedOpenApi adminGroup() {
        return GroupedOpenApi.builder().group("admin").displayName("Administration")
                .pathsToMatch("/api/v1/admin/**")
                .build();
    }

    /** Public operations need no credential; every operation documents its surface's errors. */
    @Bean
    GlobalOpenApiCustomizer surfaceErrors() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                var open = SecurityConfiguration.isPublicPath(path);
                if (open) {
                    operation.setSecurity(List.of());
                }
                document(operation, ApiSurface.of(path), open);
            }));
        };
    }

    private static void document(Operation operation, ApiSurface surface, boolean open) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        var responses = operation.getResponses();
        add(responses, "400", error(surface, "The request is malformed or invalid"));
        if (!open) {
            add(responses, "401", error(surface, "The bearer credential is missing, invalid or expired"));
            add(responses, "403", error(surface, "The credential does not allow this, or the tenant is suspended"));
        }
        add(responses, "429", error(surface, "A rate limit was reached; wait Retry-After seconds")
                .addHeaderObject("Retry-After", header("Seconds to wait before trying again"))
                .addHeaderObject("X-RateLimit-Limit", header("Requests allowed per window"))
                .addHeaderObject("X-RateLimit-Remaining", header("Requests left in the window"))
                .addHeaderObject("X-RateLimit-Reset", header("Unix time (seconds) when the window ends")));
    }

    private static void add(ApiResponses responses, String status, ApiResponse response) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, response);
        }
    }

    private static ApiResponse error(ApiSurface surface, String description) {
        var mediaType = surface == ApiSurface.V1 ? PROBLEM_JSON : JSON;
        return new ApiResponse().description(description).content(new Content().addMediaType(mediaType,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schemaName(surface)))));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new IntegerSchema());
    }

    static String schemaName(ApiSurface surface) {
        return switch (surface) {
            case V1 -> "V1Problem";
            case NERVOSCAN -> "NervoscanError";
            case V2 -> "V2Error";
        };
    }

    @SuppressWarnings("rawtypes")
    private static Schema v1Error() {
        return new ObjectSchema()
                .description("RFC 9457 problem details with a stable code; retry_after on 429")
                .properties(Map.of(
                        "type", new StringSchema().example("about:blank"),
                        "title", new StringSchema().example("Too Many Requests"),
                        "status", new IntegerSchema().example(429),
                        "detail", new StringSchema().example("Rate limit exceeded. Try again in 45 seconds."),
                        "code", new StringSchema().example("RATE_LIMIT_EXCEEDED"),
                        "request_id", new StringSchema().example("req_2f1c..."),
                        "retry_after", new IntegerSchema().example(45)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema nervoscanError() {
        return new ObjectSchema()
                .description("Nervoscan clients read error.code")
                .properties(Map.of(
                        "success", new BooleanSchema().example(false),
                        "error", new ObjectSchema().properties(Map.of(
                                "code", new StringSchema().example("RATE_LIMIT_EXCEEDED"),
                                "message", new StringSchema().example("Rate limit exceeded. Try again in 45 seconds.")))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema v2Error() {
        return new ObjectSchema()
                .description("v2 structured error")
                .properties(Map.of("error", new ObjectSchema().properties(Map.of(
                        "code", new StringSchema().example("RATE_LIMIT_EXCEEDED"),
                        "message", new StringSchema().example("Rate limit exceeded. Try again in 45 seconds."),
                        "details", new ObjectSchema().example(Map.of("retry_after", 45)),
                        "request_id", new StringSchema().example("req_2f1c..."),
                        "timestamp", new StringSchema().example("2026-11-22T08:04:08.448Z")))));
    }
}
