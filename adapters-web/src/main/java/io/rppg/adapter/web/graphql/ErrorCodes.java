package io.rppg.adapter.web.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every error of a response carries a v2 code in {@code extensions.code}: the resolvers' own errors have one; the
 * engine's (a syntax error, an unknown field, a wrong variable, too deep a query) get {@code VALIDATION_ERROR} or
 * {@code QUERY_TOO_DEEP}, and anything unexpected {@code INTERNAL_ERROR} with no detail of its cause. A spent
 * query allowance also sets {@code Retry-After}.
 */
final class ErrorCodes implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            Long retryAfter = response.getExecutionInput().getGraphQLContext().get(QueryCostInstrumentation.RETRY_AFTER);
            if (retryAfter != null) {
                response.getResponseHeaders().set("Retry-After", Long.toString(retryAfter));
            }
            if (response.getErrors().stream().allMatch(error -> error.getExtensions() != null
                    && error.getExtensions().containsKey("code"))) {
                return response;
            }
            return response.transform(builder -> builder.errors(response.getErrors().stream()
                    .map(ErrorCodes::withCode).toList()));
        });
    }

    private static GraphQLError withCode(org.springframework.graphql.ResponseError error) {
        var extensions = new LinkedHashMap<String, Object>(error.getExtensions() == null ? Map.of()
                : error.getExtensions());
        if (!extensions.containsKey("code")) {
            extensions.put("code", codeOf(error.getErrorType(), error.getMessage()));
        }
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getParsedPath().isEmpty() ? null : error.getParsedPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }

    private static String codeOf(ErrorClassification type, String message) {
        if (type == ErrorType.ValidationError || type == ErrorType.InvalidSyntax) {
            return "VALIDATION_ERROR";
        }
        if (type == ErrorType.ExecutionAborted && message != null && message.contains("depth")) {
            return "QUERY_TOO_DEEP";
        }
        if (type == org.springframework.graphql.execution.ErrorType.BAD_REQUEST) {
            return "VALIDATION_ERROR";
        }
        return "INTERNAL_ERROR";
    }
}
