package io.rppg.adapter.web.graphql;

import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.GraphQLObjectType;

/**
 * A field's complexity: one point for itself plus its selection's points once per item it may return. A list's size
 * is its {@code first} or {@code last} argument where it has one; the connection {@code sessions} returns 20 unless
 * told otherwise, and {@code devices}, which has no size argument, is counted as {@link #ASSUMED_DEVICES}.
 */
final class QueryCost {

    static final int ASSUMED_DEVICES = 10;
    static final int DEFAULT_SESSIONS_PAGE = 20;
    static final int DEFAULT_DEVICE_SESSIONS = 5;

    private QueryCost() {
    }

    static int field(FieldComplexityEnvironment environment, int childComplexity) {
        return Math.addExact(1, Math.multiplyExact(childComplexity, items(environment)));
    }

    private static int items(FieldComplexityEnvironment environment) {
        var arguments = environment.getArguments();
        var size = arguments.get("first") != null ? arguments.get("first") : arguments.get("last");
        if (size instanceof Integer count) {
            return Math.max(1, Math.min(count, 100));
        }
        var name = environment.getFieldDefinition().getName();
        var parent = environment.getParentType() instanceof GraphQLObjectType type ? type.getName() : "";
        return switch (parent + "." + name) {
            case "Query.sessions" -> DEFAULT_SESSIONS_PAGE;
            case "Query.devices" -> ASSUMED_DEVICES;
            case "Device.sessions" -> DEFAULT_DEVICE_SESSIONS;
            default -> 1;
        };
    }
}
