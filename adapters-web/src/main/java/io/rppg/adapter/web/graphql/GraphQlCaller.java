package io.rppg.adapter.web.graphql;

import graphql.GraphQLContext;
import io.rppg.adapter.web.security.Caller;
import io.rppg.domain.tenant.TenantId;

import java.util.Optional;

/**
 * The authenticated caller of a GraphQL operation, kept in the operation's {@link GraphQLContext}: put there by
 * {@link CallerInterceptor} from the HTTP request's authentication or the WebSocket's {@code connection_init}.
 */
final class GraphQlCaller {

    static final String KEY = "rppg.caller";

    private GraphQlCaller() {
    }

    static Optional<Caller> of(GraphQLContext context) {
        return Optional.ofNullable(context.get(KEY));
    }

    static Caller required(GraphQLContext context) {
        return of(context).orElseThrow(() -> new GraphQlProblem("INVALID_TOKEN",
                "The token is missing, invalid, expired or revoked",
                org.springframework.graphql.execution.ErrorType.UNAUTHORIZED, java.util.Map.of()));
    }

    /** The tenant whose scans and devices the caller works with; platform admins have none. */
    static TenantId tenant(GraphQLContext context) {
        return required(context).scanTenant().orElseThrow(() ->
                GraphQlProblem.forbidden("scans and devices belong to tenants; platform admins have none"));
    }
}
