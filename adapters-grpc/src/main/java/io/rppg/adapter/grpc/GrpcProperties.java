package io.rppg.adapter.grpc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The gRPC server's settings ({@code rppg.grpc.*}, e.g. {@code RPPG_GRPC_PORT}).
 *
 * @param port                 0 picks a free port (tests)
 * @param certChain            PEM certificate chain; with {@code privateKey}, the server speaks TLS only
 * @param maxMessageBytes      the largest message a client may send (an upload chunk, a trace batch)
 * @param maxMetadataBytes     the largest header block (the bearer credential travels there)
 * @param uploadPatience       an upload whose next chunk does not arrive in this long is broken off
 * @param resultPollInterval   how often an upload waiting for its analysis reads the scan
 * @param maxWaitingMessages   live messages waiting for a client that does not read; one more closes its call
 * @param subscriberPatience   the longest a live message may wait for a client that does not read
 * @param maxSamplesPerMessage trace samples in one LiveScan message, as on the live WebSocket
 * @param shutdownGrace        how long a stopping node lets calls in flight finish
 */
@ConfigurationProperties("rppg.grpc")
public record GrpcProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("9090") int port,
        String certChain,
        String privateKey,
        @DefaultValue("4194304") int maxMessageBytes,
        @DefaultValue("8192") int maxMetadataBytes,
        @DefaultValue("30s") Duration uploadPatience,
        @DefaultValue("250ms") Duration resultPollInterval,
        @DefaultValue("64") int maxWaitingMessages,
        @DefaultValue("5s") Duration subscriberPatience,
        @DefaultValue("900") int maxSamplesPerMessage,
        @DefaultValue("10s") Duration shutdownGrace) {

    public GrpcProperties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("rppg.grpc.port must be 0-65535");
        }
        certChain = certChain == null || certChain.isBlank() ? null : certChain.strip();
        privateKey = privateKey == null || privateKey.isBlank() ? null : privateKey.strip();
        if ((certChain == null) != (privateKey == null)) {
            throw new IllegalArgumentException("rppg.grpc.cert-chain and rppg.grpc.private-key go together");
        }
        if (maxMessageBytes < 64 * 1024 || maxMetadataBytes < 1024 || maxWaitingMessages < 1
                || maxSamplesPerMessage < 1) {
            throw new IllegalArgumentException("rppg.grpc limits are too small");
        }
    }

    boolean tls() {
        return certChain != null;
    }

    Path certChainFile() {
        return Path.of(certChain);
    }

    Path privateKeyFile() {
        return Path.of(privateKey);
    }
}
