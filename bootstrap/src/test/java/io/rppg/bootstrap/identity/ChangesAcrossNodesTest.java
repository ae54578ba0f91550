package io.rppg.bootstrap.identity;

import io.rppg.adapter.persistence.testsupport.TestDatabase;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.bootstrap.PlatformTest;
import io.rppg.bootstrap.RppgApplication;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.rppg.bootstrap.JsonClient.body;
import static io.rppg.bootstrap.JsonClient.expect;
import static io.rppg.bootstrap.JsonClient.random;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database: every node answers known API keys and the users of access tokens from memory, yet a key
 * revoked, a user deleted or a tenant suspended on one node is refused by the other within a second, and a tenant
 * reactivated is let back in as quickly. Polls of a pending session are answered from memory too, and a change to the
 * session made on one node is seen by the other within a second.
 */
class ChangesAcrossNodesTest extends PlatformTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static ConfigurableApplicationContext otherNode;

    @Autowired
    private TransactionPort transactions;
    @Autowired
    private ScanSessionPort sessions;

    private Api here;
    private Api there;
    private String tenant;
    private Api.Key key;

    @BeforeAll
    static void startAnotherNode() {
        var db = TestDatabase.connection();
        otherNode = new SpringApplicationBuilder(RppgApplication.class).run("--server.port=0",
                "--rppg.database.url=" + db.url(), "--rppg.database.username=" + db.username(),
                "--rppg.database.password=" + db.password());
    }

    @AfterAll
    static void stopTheOtherNode() {
        otherNode.close();
    }

    @BeforeEach
    void setUp() {
        here = new Api(port);
        there = new Api(otherNode.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        var plan = expect(here.post("/api/v1/admin/plans", here.adminToken(), body("name", "plan-" + random(),
                "monthly_scans", 1000, "requests_per_minute", 100_000)), 201).text("id");
        tenant = expect(here.post("/api/v1/admin/tenants", here.adminToken(),
                body("name", "tenant-" + random(), "plan_id", plan)), 201).text("id");
        key = here.createKey(here.adminToken(), tenant);
        // The other node has now read the key and answers it from memory.
        for (int i = 0; i < 3; i++) {
            assertThat(callThere().status()).isEqualTo(200);
        }
    }

    @Test
    void aKeyRevokedOnOneNodeIsRefusedOnTheOtherWithinASecond() {
        expect(here.delete("/api/v1/admin/tenants/" + tenant + "/api-keys/" + key.id(), here.adminToken()), 204);

        assertThat(timeUntilTheOtherNodeAnswers(401)).isLessThan(WITHIN);
        assertThat(callHere().status()).isEqualTo(401);
    }

    @Test
    void aTenantSuspendedOnOneNodeIsRefusedOnTheOtherWithinASecondAndLetBackInAsQuickly() {
        expect(here.patch("/api/v1/admin/tenants/" + tenant, here.adminToken(), body("status", "suspended")), 200);

        assertThat(timeUntilTheOtherNodeAnswers(403)).isLessThan(WITHIN);
        assertThat(callThere().body()).contains("TENANT_SUSPENDED");
        assertThat(callHere().status()).isEqualTo(403);

        expect(here.patch("/api/v1/admin/tenants/" + tenant, here.adminToken(), body("status", "active")), 200);

        assertThat(timeUntilTheOtherNodeAnswers(200)).isLessThan(WITHIN);
    }

    @Test
    void aTokensUserDeletedOrTenantSuspendedOnOneNodeIsRefusedOnTheOtherWithinASecond() {
        var member = here.createUser(tenant, "member");
        var token = here.logIn(member.username(), member.password()).access();
        var deleted = here.createUser(tenant, "member");
        var deletedToken = here.logIn(deleted.username(), deleted.password()).access();
        // The other node has now read both users and answers their tokens from memory.
        for (int i = 0; i < 3; i++) {
            assertThat(there.get("/api/v1/scan-sessions", token).status()).isEqualTo(200);
            assertThat(there.get("/api/v1/scan-sessions", deletedToken).status()).isEqualTo(200);
        }

        expect(here.delete("/api/v1/admin/tenants/" + tenant + "/users/" + deleted.id(), here.adminToken()), 204);
        assertThat(timeUntilTheOtherNodeAnswers(deletedToken, 401)).isLessThan(WITHIN);
        assertThat(here.get("/api/v1/scan-sessions", deletedToken).status()).isEqualTo(401);

        expect(here.patch("/api/v1/admin/tenants/" + tenant, here.adminToken(), body("status", "suspended")), 200);
        assertThat(timeUntilTheOtherNodeAnswers(token, 403)).isLessThan(WITHIN);
        expect(here.patch("/api/v1/admin/tenants/" + tenant, here.adminToken(), body("status", "active")), 200);
        assertThat(timeUntilTheOtherNodeAnswers(token, 200)).isLessThan(WITHIN);
    }

    @Test
    void aSessionPolledOnOneNodeShowsAnUploadMadeOnTheOtherWithinASecond() {
        var session = expect(there.postEmpty("/api/v1/scan-session", key.secret()), 201).text("session_id");
        // The other node now answers the pending session's polls from memory.
        for (int i = 0; i < 3; i++) {
            assertThat(pollThere(session).text("status")).isEqualTo("pending");
        }

        var tenantId = new TenantId(UUID.fromString(tenant));
        var id = new ScanSessionId(session);
        transactions.inTenantTransaction(tenantId, () -> sessions.save(
                sessions.findById(tenantId, id).orElseThrow().acceptVideo(Instant.now())));

        var changed = System.nanoTime();
        while (!"processing".equals(pollThere(session).text("status"))) {
            assertThat(Duration.ofNanos(System.nanoTime() - changed)).isLessThan(WITHIN);
        }
        assertThat(expect(here.get("/api/v1/scan-session/" + session + "/vitals", key.secret()), 200)
                .text("status")).isEqualTo("processing");
    }

    private Api.Response pollThere(String session) {
        return expect(there.get("/api/v1/scan-session/" + session + "/vitals", key.secret()), 200);
    }

    private Api.Response callThere() {
        return there.get("/api/v1/scan-sessions", key.secret());
    }

    private Api.Response callHere() {
        return here.get("/api/v1/scan-sessions", key.secret());
    }

    /** How long after the change the other node first answers the key's call with that status (10 s at most). */
    private Duration timeUntilTheOtherNodeAnswers(int status) {
        return timeUntilTheOtherNodeAnswers(key.secret(), status);
    }

    private Duration timeUntilTheOtherNodeAnswers(String bearer, int status) {
        var changed = System.nanoTime();
        while (System.nanoTime() - changed < Duration.ofSeconds(10).toNanos()) {
            if (there.get("/api/v1/scan-sessions", bearer).status() == status) {
                return Duration.ofNanos(System.nanoTime() - changed);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Duration.ofSeconds(10);
    }
}
