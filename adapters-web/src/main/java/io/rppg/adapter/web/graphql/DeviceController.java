package io.rppg.adapter.web.graphql;

import graphql.GraphQLContext;
import io.rppg.application.port.in.BrowseScansQuery;
import io.rppg.application.port.in.ManageDevicesUseCase;
import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.tenant.TenantId;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * {@code devices}, {@code device(id)}, and a device's latest sessions: those are read for every device of a page
 * in one batch, grouped by how many each asks for, so {@code devices { sessions }} costs the same few statements
 * for two devices as for two hundred.
 */
@Controller
class DeviceController {

    private final ManageDevicesUseCase devices;

    DeviceController(ManageDevicesUseCase devices, BrowseScansQuery browse, BatchLoaderRegistry loaders) {
        this.devices = devices;
        loaders.<LatestSessions, List<SessionNode>>forName(LatestSessions.LOADER)
                .registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> load(browse, keys)));
    }

    @QueryMapping
    List<DeviceNode> devices(GraphQLContext context) {
        return devices.list(GraphQlCaller.tenant(context)).stream().map(DeviceNode::new).toList();
    }

    @QueryMapping
    DeviceNode device(@Argument String id, GraphQLContext context) {
        var tenant = GraphQlCaller.tenant(context);
        return (DeviceId.isWellFormed(id) ? devices.find(tenant, new DeviceId(id)) : java.util.Optional.<Device>empty())
                .map(DeviceNode::new)
                .orElseThrow(() -> GraphQlProblem.deviceNotFound(id,
                        devices.list(tenant).stream().map(device -> device.id().value()).toList()));
    }

    @SchemaMapping(typeName = "Device")
    CompletableFuture<List<SessionNode>> sessions(DeviceNode device, @Argument Integer last,
                                                  DataLoader<LatestSessions, List<SessionNode>> latestSessions) {
        int count = last == null ? 5 : last;
        if (count < 1 || count > BrowseScansQuery.MAX_SESSIONS_PER_DEVICE) {
            throw GraphQlProblem.invalid("last", "last must be between 1 and "
                    + BrowseScansQuery.MAX_SESSIONS_PER_DEVICE);
        }
        return latestSessions.load(new LatestSessions(device.device().tenantId(), device.device().id(), count));
    }

    private static Map<LatestSessions, List<SessionNode>> load(BrowseScansQuery browse, java.util.Set<LatestSessions> keys) {
        var now = Instant.now();
        var result = new HashMap<LatestSessions, List<SessionNode>>();
        // One read per tenant and count: a page asks all its devices for the same count.
        var groups = keys.stream().collect(Collectors.groupingBy(key -> Map.entry(key.tenant(), key.last())));
        groups.forEach((group, members) -> {
            var ids = members.stream().map(LatestSessions::device).collect(Collectors.toCollection(LinkedHashSet::new));
            var sessions = browse.latestOfDevices(group.getKey(), ids, group.getValue());
            for (var key : members) {
                result.put(key, sessions.getOrDefault(key.device(), List.of()).stream()
                        .map(scan -> new SessionNode(scan, now)).toList());
            }
        });
        return result;
    }

    /** The key of a device's latest sessions. */
    record LatestSessions(TenantId tenant, DeviceId device, int last) {
        static final String LOADER = "latestSessions";
    }
}
