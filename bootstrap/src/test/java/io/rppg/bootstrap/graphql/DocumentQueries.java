package io.rppg.bootstrap.graphql;

/** The GraphQL examples of the v2 document ({@code seeds/002_*}), word for word. */
final class DocumentQueries {

    static final String DEVICES_WITH_SESSIONS = """
            query GetDevicesWithSessions { devices { id name status sessions(last: 5) { id name startTime status \
            recordings { id duration sampleCount quality } } } }""";

    static final String SESSION_DATA = """
            query GetSessionData($sessionId: ID!) { session(id: $sessionId) { id name startTime endTime \
            device { id name type } recordings { id channelCount sampleRate duration artifacts { type startTime \
            endTime } } analysis { id modelType accuracy predictions { timestamp label confidence } } } }""";

    static final String SEARCH_SESSIONS = """
            query SearchSessions($filters: SessionFilters) { sessions(filters: $filters) { edges { node { id name \
            startTime tags metadata } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""";

    private DocumentQueries() {
    }
}
