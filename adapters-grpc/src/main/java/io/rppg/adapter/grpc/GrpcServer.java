package io.rppg.adapter.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC server on its own port: the platform's services behind {@link CallerInterceptor}, the standard health
 * service and server reflection. Calls run on virtual threads, since the ports they call block on the database.
 * It starts after the rest of the node and stops first, letting calls in flight finish for a grace period.
 */
public final class GrpcServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GrpcServer.class);

    private final GrpcProperties properties;
    private final List<BindableService> services;
    private final CallerInterceptor callers;
    /** A new one on each start: a stopped server's manager is terminal and answers NOT_SERVING for good. */
    private HealthStatusManager health;
    private ExecutorService calls;
    private Server server;

    GrpcServer(GrpcProperties properties, List<BindableService> services, CallerInterceptor callers) {
        this.properties = properties;
        this.services = services;
        this.callers = callers;
    }

    @Override
    public synchronized void start() {
        health = new HealthStatusManager();
        calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("grpc-call-", 0).factory());
        var builder = NettyServerBuilder.forAddress(new InetSocketAddress(properties.port()))
                .executor(calls)
                .maxInboundMessageSize(properties.maxMessageBytes())
                .maxInboundMetadataSize(properties.maxMetadataBytes())
                .permitKeepAliveTime(10, TimeUnit.SECONDS)
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance());
        if (properties.tls()) {
            builder.useTransportSecurity(properties.certChainFile().toFile(), properties.privateKeyFile().toFile());
        }
        for (var service : services) {
            builder.addService(ServerInterceptors.intercept(service, callers));
        }
        try {
            server = builder.build().start();
        } catch (IOException e) {
            calls.shutdown();
            throw new UncheckedIOException("the gRPC server could not listen on port " + properties.port(), e);
        }
        for (var service : services) {
            health.setStatus(service.bindService().getServiceDescriptor().getName(), ServingStatus.SERVING);
        }
        log.info("gRPC server listening on port {}{}", server.getPort(), properties.tls() ? " (TLS)" : "");
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        }
        calls.shutdownNow();
        server = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts after the HTTP server and the live service, stops before them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    /** The port the server listens on (the chosen one when configured as 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the gRPC server is not running");
        }
        return server.getPort();
    }
}
