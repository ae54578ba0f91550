package io.rppg.adapter.web.graphql;

import graphql.analysis.MaxQueryDepthInstrumentation;
import io.rppg.adapter.web.security.BearerCredentials;
import io.rppg.application.port.in.ConsumeQueryAllowanceUseCase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;

/**
 * The GraphQL API ({@code POST /graphql}, WebSocket {@code /graphql/ws}, schema at {@code GET /graphql/schema}):
 * its scalars, its callers, its error codes and its protections.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlProperties.class)
public class GraphQlConfiguration {

    /** The HTTP endpoint, and the WebSocket of subscriptions beside it (its handshake takes no bearer header). */
    public static final String PATH = io.rppg.adapter.web.Routes.GRAPHQL;
    public static final String WEBSOCKET_PATH = io.rppg.adapter.web.Routes.GRAPHQL_WEBSOCKET;

    @Bean
    RuntimeWiringConfigurer graphQlScalars() {
        return wiring -> wiring.scalar(Scalars.DATE_TIME).scalar(Scalars.JSON);
    }

    @Bean
    @Order(1)
    CallerInterceptor graphQlCallers(BearerCredentials credentials) {
        return new CallerInterceptor(credentials);
    }

    @Bean
    @Order(2)
    ErrorCodes graphQlErrorCodes() {
        return new ErrorCodes();
    }

    @Bean
    DataFetcherExceptionResolver graphQlFieldErrors() {
        return GraphQlExceptions.fields();
    }

    @Bean
    SubscriptionExceptionResolver graphQlSubscriptionErrors() {
        return GraphQlExceptions.subscriptions();
    }

    @Bean
    MaxQueryDepthInstrumentation graphQlMaxDepth(GraphQlProperties properties) {
        return new MaxQueryDepthInstrumentation(properties.maxDepth());
    }

    @Bean
    QueryCostInstrumentation graphQlQueryCost(ConsumeQueryAllowanceUseCase allowances, GraphQlProperties properties) {
        return new QueryCostInstrumentation(allowances, properties);
    }
}
