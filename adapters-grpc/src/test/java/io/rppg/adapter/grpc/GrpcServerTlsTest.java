package io.rppg.adapter.grpc;

import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** With a certificate and key the server speaks TLS only: a client that trusts the certificate is served. */
class GrpcServerTlsTest {

    @Test
    void aServerWithCertificateAndKeyServesTlsClientsAndRefusesPlaintext(@TempDir Path dir) throws Exception {
        var certificate = dir.resolve("server.crt");
        var key = dir.resolve("server.key");
        selfSigned(dir, certificate, key);
        var properties = new GrpcProperties(true, 0, certificate.toString(), key.toString(), 4 * 1024 * 1024, 8192,
                Duration.ofSeconds(30), Duration.ofMillis(250), 64, Duration.ofSeconds(5), 900, Duration.ofSeconds(1));
        var server = new GrpcServer(properties, List.of(), new CallerInterceptor(null, null, false));
        server.start();
        try {
            var tls = NettyChannelBuilder.forAddress("localhost", server.port())
                    .sslContext(GrpcSslContexts.forClient().trustManager(certificate.toFile()).build()).build();
            var plain = NettyChannelBuilder.forAddress("localhost", server.port()).usePlaintext().build();
            try {
                assertThat(HealthGrpc.newBlockingStub(tls).withDeadlineAfter(20, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.getDefaultInstance()).getStatus())
                        .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
                assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> HealthGrpc.newBlockingStub(plain)
                        .withDeadlineAfter(10, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance())))
                        .isNotNull();
            } finally {
                tls.shutdownNow();
                plain.shutdownNow();
            }
        } finally {
            server.stop();
        }
        assertThat(server.isRunning()).isFalse();
    }

    /** A self-signed certificate for localhost made by the JDK's keytool, written as PEM files. */
    private static void selfSigned(Path dir, Path certificate, Path key) throws Exception {
        var store = dir.resolve("server.p12");
        var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        var process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "grpc", "-keyalg", "RSA", "-keysize",
                "2048", "-dname", "CN=localhost", "-ext", "san=dns:localhost", "-validity", "2", "-storetype",
                "PKCS12", "-keystore", store.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).isZero();
        var keyStore = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(store.toFile())) {
            keyStore.load(in, "changeit".toCharArray());
        }
        Files.writeString(certificate, pem("CERTIFICATE", keyStore.getCertificate("grpc").getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", keyStore.getKey("grpc", "changeit".toCharArray()).getEncoded()),
                StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
