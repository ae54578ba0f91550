package io.rppg.adapter.web.graphql;

import graphql.GraphQLContext;
import io.rppg.application.port.in.BrowseScansQuery;
import io.rppg.application.port.in.BrowseScansQuery.Listing;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.json.JsonMapper;

import graphql.relay.Connection;
import graphql.relay.DefaultConnection;
import graphql.relay.DefaultConnectionCursor;
import graphql.relay.DefaultEdge;
import graphql.relay.DefaultPageInfo;
import graphql.relay.Edge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code session(id)}, {@code sessions(filters)} and the fields of a session that live beside it (device, tags,
 * metadata), each of those read for a whole page at once.
 */
@Controller
class SessionController {

    private final GetScanSessionQuery oneSession;
    private final BrowseScansQuery browse;
    private final JsonMapper json;

    SessionController(GetScanSessionQuery oneSession, BrowseScansQuery browse, JsonMapper json) {
        this.oneSession = oneSession;
        this.browse = browse;
        this.json = json;
    }

    @QueryMapping
    SessionNode session(@Argument String id, GraphQLContext context) {
        var tenant = GraphQlCaller.tenant(context);
        if (!ScanSessionId.isWellFormed(id)) {
            throw GraphQlProblem.sessionNotFound(id);
        }
        return oneSession.getScanSession(tenant, new ScanSessionId(id))
                .map(scan -> new SessionNode(scan, Instant.now()))
                .orElseThrow(() -> GraphQlProblem.sessionNotFound(id));
    }

    @QueryMapping
    Connection<SessionNode> sessions(@Argument SessionFilters filters, @Argument Integer first, @Argument String after,
                                 GraphQLContext context) {
        var tenant = GraphQlCaller.tenant(context);
        var given = filters == null ? new SessionFilters(null, null, null, null, null, null) : filters;
        DeviceId device = null;
        if (given.deviceId() != null) {
            if (!DeviceId.isWellFormed(given.deviceId())) {
                return connection(new Listing.Page(List.of(), List.of(), false, false, Instant.now()));
            }
            device = new DeviceId(given.deviceId());
        }
        var listing = browse.search(new BrowseScansQuery.Search(tenant, given.status(), given.from(), given.to(),
                device, given.tags() == null ? null : new HashSet<>(given.tags()), metadataFilter(given.metadata()),
                after, first));
        return switch (listing) {
            case Listing.Page page -> connection(page);
            case Listing.Invalid(var field, var detail) -> throw GraphQlProblem.invalid(field, detail);
        };
    }

    private String metadataFilter(Object metadata) {
        if (metadata == null) {
            return null;
        }
        if (!(metadata instanceof Map<?, ?>)) {
            throw GraphQlProblem.invalid("filters.metadata", "metadata must be a JSON object");
        }
        return json.writeValueAsString(metadata);
    }

    /** A page as a Relay connection: edges with their cursors, and the page's place among the others. */
    private static Connection<SessionNode> connection(Listing.Page page) {
        var edges = new ArrayList<Edge<SessionNode>>();
        for (int i = 0; i < page.sessions().size(); i++) {
            edges.add(new DefaultEdge<>(new SessionNode(page.sessions().get(i), page.asOf()),
                    new DefaultConnectionCursor(page.cursors().get(i))));
        }
        var pageInfo = new DefaultPageInfo(page.startCursor().map(DefaultConnectionCursor::new).orElse(null),
                page.endCursor().map(DefaultConnectionCursor::new).orElse(null), page.hasPreviousPage(),
                page.hasNextPage());
        return new DefaultConnection<>(edges, pageInfo);
    }

    @BatchMapping(typeName = "Session")
    Map<SessionNode, List<String>> tags(List<SessionNode> sessions) {
        var tenant = sessions.getFirst().scan().tenantId();
        var tags = browse.tagsOf(tenant, ids(sessions));
        return byNode(sessions, node -> tags.getOrDefault(node.scan().id(), List.of()));
    }

    @BatchMapping(typeName = "Session")
    Map<SessionNode, Object> metadata(List<SessionNode> sessions) {
        var tenant = sessions.getFirst().scan().tenantId();
        var metadata = browse.metadataOf(tenant, ids(sessions));
        var result = new LinkedHashMap<SessionNode, Object>();
        for (var node : sessions) {
            var text = metadata.get(node.scan().id());
            if (text != null) {
                result.put(node, json.readValue(text, Object.class));
            }
        }
        return result;
    }

    @BatchMapping(typeName = "Session")
    Map<SessionNode, DeviceNode> device(List<SessionNode> sessions) {
        var tenant = sessions.getFirst().scan().tenantId();
        var links = browse.devicesOf(tenant, ids(sessions));
        var devices = browse.devices(tenant, new HashSet<>(links.values()));
        var result = new LinkedHashMap<SessionNode, DeviceNode>();
        for (var node : sessions) {
            var device = devices.get(links.get(node.scan().id()));
            if (device != null) {
                result.put(node, new DeviceNode(device));
            }
        }
        return result;
    }

    private static List<ScanSessionId> ids(List<SessionNode> sessions) {
        return sessions.stream().map(node -> node.scan().id()).distinct().toList();
    }

    private static <T> Map<SessionNode, T> byNode(List<SessionNode> sessions, Function<SessionNode, T> value) {
        return sessions.stream().distinct().collect(Collectors.toMap(Function.identity(), value,
                (a, b) -> a, LinkedHashMap::new));
    }

    /** The {@code SessionFilters} input. */
    record SessionFilters(ScanStatus status, Instant from, Instant to, String deviceId, List<String> tags,
                          Object metadata) {
    }
}
