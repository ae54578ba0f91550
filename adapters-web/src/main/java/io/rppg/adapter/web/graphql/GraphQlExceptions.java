package io.rppg.adapter.web.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;

/**
 * Turns a resolver's refusal ({@link GraphQlProblem}) into a GraphQL error with its v2 code; anything else is logged
 * and answered as an internal error without its details.
 */
final class GraphQlExceptions {

    private static final Logger log = LoggerFactory.getLogger(GraphQlExceptions.class);

    private GraphQlExceptions() {
    }

    static DataFetcherExceptionResolverAdapter fields() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment environment) {
                var builder = GraphqlErrorBuilder.newError(environment);
                if (failure instanceof GraphQlProblem problem) {
                    return builder.message(problem.getMessage()).errorType(problem.classification())
                            .extensions(problem.extensions()).build();
                }
                log.error("A GraphQL field failed: {}", environment.getExecutionStepInfo().getPath(), failure);
                return builder.message("Internal error").errorType(ErrorType.INTERNAL_ERROR)
                        .extensions(java.util.Map.of("code", "INTERNAL_ERROR")).build();
            }
        };
    }

    static SubscriptionExceptionResolverAdapter subscriptions() {
        return new SubscriptionExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable failure) {
                if (failure instanceof GraphQlProblem problem) {
                    return GraphqlErrorBuilder.newError().message(problem.getMessage())
                            .errorType(problem.classification()).extensions(problem.extensions()).build();
                }
                log.error("A GraphQL subscription failed", failure);
                return GraphqlErrorBuilder.newError().message("Internal error").errorType(ErrorType.INTERNAL_ERROR)
                        .extensions(java.util.Map.of("code", "INTERNAL_ERROR")).build();
            }
        };
    }
}
