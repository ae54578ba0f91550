package io.rppg.bootstrap;

import io.rppg.adapter.persistence.embedded.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes down under a running platform: calls are answered 503 in their surface's shape within seconds,
 * with {@code Retry-After}, and succeed again once it is back, without a restart of the platform. The platform runs
 * on a PostgreSQL of its own here, which the test stops and starts on the same port; the other tests' database is
 * not touched.
 */
@SpringBootTest(classes = RppgApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DatabaseOutageTest {

    /** The pool gives up on a connection after 3 s (spring.datasource.hikari.connection-timeout). */
    private static final Duration PROMPT = Duration.ofSeconds(5);
    /** The pool's back-off between two attempts to connect is at most 5 s; one more connection timeout on top. */
    private static final Duration RECOVERY = Duration.ofSeconds(10);

    private static Path databaseDir;
    private static int databasePort;
    private static EmbeddedPostgresServer database;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        var work = Files.createTempDirectory("rppg-outage-test");
        databaseDir = work.resolve("postgres");
        databasePort = freePort();
        database = EmbeddedPostgresServer.start(databaseDir, false, databasePort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> database.close()));
        registry.add("rppg.database.url", database::jdbcUrl);
        registry.add("rppg.database.username", database::username);
        registry.add("rppg.database.password", database::password);
        registry.add("rppg.data-dir", () -> work.resolve("data").toString());
    }

    @Test
    void withTheDatabaseDownEachSurfaceAnswers503PromptlyAndServesAgainOnceItIsBack() {
        var api = new Client(port);
        var tenant = api.createTenant();
        var key = api.createKey(tenant);
        assertThat(api.listSessions(key).status()).isEqualTo(200);

        database.close();
        try {
            var v1 = timed(() -> api.listSessions(key));
            assertThat(v1.response().status()).as(v1.response().toString()).isEqualTo(503);
            assertThat(v1.response().contentType()).startsWith("application/problem+json");
            assertThat(v1.response().text("code")).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(v1.response().text("detail")).isNotBlank();
            assertThat(v1.response().header("Retry-After")).contains("5");
            assertThat(v1.took()).isLessThan(PROMPT);

            var v2 = timed(() -> api.v2Login());
            assertThat(v2.response().status()).isEqualTo(503);
            assertThat(v2.response().json().path("error").path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(v2.response().json().path("error").path("message").asString()).isNotBlank();
            assertThat(v2.response().json().path("error").path("request_id").asString())
                    .isEqualTo(v2.response().header("X-Request-Id").orElseThrow());
            assertThat(v2.response().header("Retry-After")).contains("5");
            assertThat(v2.took()).isLessThan(PROMPT);

            var nervoscan = timed(() -> api.nervoscanLogin());
            assertThat(nervoscan.response().status()).isEqualTo(503);
            assertThat(nervoscan.response().json().path("success").asBoolean(true)).isFalse();
            assertThat(nervoscan.response().json().path("error").path("code").asString())
                    .isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(nervoscan.response().json().path("error").path("message").asString()).isNotBlank();
            assertThat(nervoscan.took()).isLessThan(PROMPT);
            System.err.println("With the database down: v1 " + v1.took().toMillis() + " ms, v2 login "
                    + v2.took().toMillis() + " ms, Nervoscan login " + nervoscan.took().toMillis() + " ms");
        } finally {
            database = EmbeddedPostgresServer.start(databaseDir, false, databasePort);
        }

        // The pool retries a failed connection with a back-off of up to 5 s, what Retry-After tells clients.
        var back = Instant.now();
        awaitStatus(200, () -> api.listSessions(key), RECOVERY);
        System.err.println("Served again " + Duration.between(back, Instant.now()).toMillis()
                + " ms after the database was back");
        assertThat(api.v2Login().status()).isEqualTo(200);
        assertThat(api.nervoscanLogin().status()).isEqualTo(200);
    }

    private record Timed(JsonClient.Response response, Duration took) {
    }

    private static Timed timed(Supplier<JsonClient.Response> call) {
        var start = Instant.now();
        var response = call.get();
        return new Timed(response, Duration.between(start, Instant.now()));
    }

    private static void awaitStatus(int status, Supplier<JsonClient.Response> call, Duration patience) {
        var deadline = Instant.now().plus(patience);
        var response = call.get();
        while (response.status() != status) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still " + response + " after " + patience);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            response = call.get();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class Client extends JsonClient {

        Client(int port) {
            super(port, Duration.ofSeconds(60));
        }

        String createTenant() {
            var plan = expect(post("/api/v1/admin/plans", adminToken(),
                    body("name", "plan-" + random(), "monthly_scans", 10)), 201).text("id");
            return expect(post("/api/v1/admin/tenants", adminToken(),
                    body("name", "tenant-" + random(), "plan_id", plan)), 201).text("id");
        }

        String createKey(String tenant) {
            return expect(post("/api/v1/admin/tenants/" + tenant + "/api-keys", adminToken(),
                    body("name", "key " + random())), 201).text("key");
        }

        Response listSessions(String key) {
            return get("/api/v1/scan-sessions", key);
        }

        Response v2Login() {
            return post("/v2/auth/login", null, body("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        }

        Response nervoscanLogin() {
            return post("/clientlogin", null, body("username", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        }
    }
}
