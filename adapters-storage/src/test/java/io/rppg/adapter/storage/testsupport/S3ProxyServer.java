package io.rppg.adapter.storage.testsupport;

import io.rppg.adapter.storage.s3.ObjectStoreClients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real S3-compatible server for tests: s3proxy with its file-system backend, in a child JVM of its own (its jar
 * brings its own Jetty and Guava, which must not meet the platform's). The build copies the jar to the path in the
 * system property {@code rppg.test.s3proxy-jar}.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "rppg-test-access";
    public static final String SECRET_KEY = "rppg-test-secret-key";
    public static final String REGION = "us-east-1";

    private static S3ProxyServer shared;

    private final Process process;
    private final URI endpoint;

    private S3ProxyServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** One server for every test of this JVM, stopped with it. */
    public static synchronized S3ProxyServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static S3ProxyServer start() {
        try {
            var jar = Path.of(System.getProperty("rppg.test.s3proxy-jar", "target/s3proxy/s3proxy.jar"));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no s3proxy jar at " + jar + " (the build copies it there)");
            }
            var work = Files.createTempDirectory("s3proxy");
            Files.createDirectories(work.resolve("blobs"));
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var properties = Files.writeString(work.resolve("s3proxy.conf"), """
                    s3proxy.endpoint=http://127.0.0.1:%d
                    s3proxy.authorization=aws-v2-or-v4
                    s3proxy.identity=%s
                    s3proxy.credential=%s
                    jclouds.provider=filesystem
                    jclouds.filesystem.basedir=%s
                    """.formatted(port, ACCESS_KEY, SECRET_KEY, work.resolve("blobs")));
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--properties",
                    properties.toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("s3proxy.log").toFile()).start();
            var server = new S3ProxyServer(process, URI.create("http://127.0.0.1:" + port));
            server.awaitListening(port, work.resolve("s3proxy.log"));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start s3proxy", e);
        }
    }

    private void awaitListening(int port, Path log) throws IOException {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy ended at start: " + Files.readString(log));
            }
            try (var ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("s3proxy did not listen within 60 s: " + Files.readString(log));
    }

    public URI endpoint() {
        return endpoint;
    }

    public S3Client client() {
        return ObjectStoreClients.client(REGION, endpoint, true,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    public S3Presigner presigner() {
        return ObjectStoreClients.presigner(REGION, endpoint, true,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    /** Creates a bucket of its own for a test. */
    public String newBucket(String name) {
        try (var s3 = client()) {
            s3.createBucket(b -> b.bucket(name));
        }
        return name;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
