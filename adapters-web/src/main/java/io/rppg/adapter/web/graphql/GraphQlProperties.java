package io.rppg.adapter.web.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The GraphQL API's protections ({@code rppg.graphql.*}).
 *
 * @param maxDepth       deepest selection allowed
 * @param maxComplexity  most complexity points an operation may have ({@link QueryCost})
 * @param pointsPerQuery complexity points that count as one query of the hourly allowance
 * @param rateLimited    whether operations spend the query allowance at all
 */
@ConfigurationProperties("rppg.graphql")
record GraphQlProperties(@DefaultValue("12") int maxDepth, @DefaultValue("1000") int maxComplexity,
                         @DefaultValue("100") int pointsPerQuery, @DefaultValue("true") boolean rateLimited) {

    GraphQlProperties {
        if (maxDepth < 1 || maxComplexity < 1 || pointsPerQuery < 1) {
            throw new IllegalArgumentException("GraphQL limits must be positive");
        }
    }
}
