package io.rppg.adapter.web.graphql;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.ConsumeQueryAllowanceUseCase;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase.CallerRequest;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase.RequestAllowance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Before an operation runs: its complexity ({@link QueryCost}) must not exceed the limit, and it spends its weight
 * of the caller's hourly query allowance: one query for each started {@code pointsPerQuery} points of complexity.
 * A refusal aborts the operation with {@code QUERY_TOO_COMPLEX} or {@code RATE_LIMIT_EXCEEDED} (with
 * {@code details.retry_after} in seconds, also sent as a {@code Retry-After} header over HTTP).
 *
 * <p>Should the allowance store fail the query goes through, as a REST request would.
 */
final class QueryCostInstrumentation extends SimplePerformantInstrumentation {

    /** Where a refusal's retry delay is left for {@link ErrorCodes} to put in a header. */
    static final String RETRY_AFTER = "rppg.graphql.retry-after";

    private static final Logger log = LoggerFactory.getLogger(QueryCostInstrumentation.class);

    private final ConsumeQueryAllowanceUseCase allowances;
    private final GraphQlProperties properties;

    QueryCostInstrumentation(ConsumeQueryAllowanceUseCase allowances, GraphQlProperties properties) {
        this.allowances = allowances;
        this.properties = properties;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        var execution = parameters.getExecutionContext();
        int complexity;
        try {
            complexity = QueryComplexityCalculator.newCalculator()
                    .fieldComplexityCalculator(QueryCost::field)
                    .schema(execution.getGraphQLSchema())
                    .document(execution.getDocument())
                    .operationName(execution.getOperationDefinition().getName())
                    .variables(execution.getCoercedVariables())
                    .build()
                    .calculate();
        } catch (ArithmeticException overflow) {
            complexity = Integer.MAX_VALUE;
        }
        if (complexity > properties.maxComplexity()) {
            throw abort("QUERY_TOO_COMPLEX", "The query's complexity is " + complexity + "; at most "
                    + properties.maxComplexity() + " is allowed", Map.of("complexity", complexity,
                    "max_complexity", properties.maxComplexity()));
        }
        var caller = GraphQlCaller.of(execution.getGraphQLContext());
        if (properties.rateLimited() && caller.isPresent()) {
            int weight = Math.max(1, (complexity + properties.pointsPerQuery() - 1) / properties.pointsPerQuery());
            RequestAllowance allowance;
            try {
                allowance = allowances.consumeQuery(callerRequest(caller.get()), weight);
            } catch (RuntimeException e) {
                log.warn("GraphQL query allowance not checked: {}", e.toString());
                return super.beginExecuteOperation(parameters, state);
            }
            if (allowance instanceof RequestAllowance.Limited(var limit, var retryAfter, var resetAt)) {
                long seconds = seconds(retryAfter);
                execution.getGraphQLContext().put(RETRY_AFTER, seconds);
                throw abort("RATE_LIMIT_EXCEEDED", "Rate limit exceeded. Try again in " + seconds + " seconds.",
                        Map.of("retry_after", seconds, "limit", limit, "weight", weight));
            }
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static CallerRequest callerRequest(Caller caller) {
        var credential = caller.apiKey().map(key -> "api-key:" + key.value())
                .or(() -> caller.user().map(user -> "user:" + user.value()))
                .orElseThrow(() -> new IllegalStateException("a caller without a credential"));
        return new CallerRequest(caller.tenant(), credential);
    }

    private static AbortExecutionException abort(String code, String message, Map<String, Object> details) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.BAD_REQUEST)
                .extensions(Map.of("code", code, "details", details))
                .build()));
    }
}
