package io.rppg.bootstrap.webhook;

import com.sun.net.httpserver.HttpServer;
import io.rppg.application.port.in.Actor;
import io.rppg.application.port.in.AdminOutcome;
import io.rppg.application.port.in.ManageWebhooksUseCase;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.service.webhook.ScanEventNotifier;
import io.rppg.bootstrap.PlatformTest;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.vitals.Confidence;
import io.rppg.domain.vitals.HeartRate;
import io.rppg.domain.vitals.HeartRateVariability;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.RespiratoryRate;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;
import io.rppg.domain.webhook.DeliveryStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A completed scan reaches a local receiver, signed, and a failed first attempt is retried. */
class WebhookDeliveryTest extends PlatformTest {

    private static final Actor PLATFORM_ADMIN =
            new Actor(new UserId(UUID.randomUUID()), Role.PLATFORM_ADMIN, Optional.empty());

    @Autowired
    private ManageWebhooksUseCase webhooks;
    @Autowired
    private ScanEventNotifier notifier;
    @Autowired
    private TransactionPort transactions;
    @Autowired
    private PlanPort plans;
    @Autowired
    private TenantPort tenants;
    @Autowired
    private ScanSessionPort sessions;

    private HttpServer receiver;

    record Received(String body, String signature, String event) {
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void completedScanIsDeliveredSignedAndRetriedAfterAFailure() throws Exception {
        var received = new CopyOnWriteArrayList<Received>();
        var calls = new AtomicInteger();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Rppg-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Rppg-Event")));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        var tenant = newTenant();
        var url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        var registered = webhooks.registerWebhook(PLATFORM_ADMIN, tenant, url, Set.of("scan.completed", "scan.failed"));
        var endpoint = ((AdminOutcome.Done<io.rppg.domain.webhook.WebhookEndpoint>) registered).value();

        var completed = completedSession(tenant);
        transactions.inTenantTransaction(tenant, () -> {
            sessions.save(completed);
            notifier.scanChanged(completed);
            return null;
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 2);
        assertThat(received.get(0).body()).isEqualTo(received.get(1).body());
        var delivered = received.get(1);
        assertThat(delivered.event()).isEqualTo("scan.completed");
        assertThat(delivered.body()).contains("\"event\":\"scan.completed\"")
                .contains("\"session_id\":\"" + completed.id().value() + "\"")
                .contains("\"status\":\"completed\"")
                .contains("\"heart_rate\":71.3");
        assertSignedWith(endpoint.secret(), delivered);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            var log = ((AdminOutcome.Done<List<io.rppg.domain.webhook.WebhookDelivery>>)
                    webhooks.listDeliveries(PLATFORM_ADMIN, tenant)).value();
            assertThat(log).hasSize(1);
            assertThat(log.get(0).status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(log.get(0).attempts()).isEqualTo(2);
            assertThat(log.get(0).lastStatusCode()).isEqualTo(204);
        });
    }

    @Test
    void eventsAnEndpointDidNotAskForAreNotSent() {
        var tenant = newTenant();
        webhooks.registerWebhook(PLATFORM_ADMIN, tenant, "http://127.0.0.1:9/never", Set.of("scan.failed"));

        var completed = completedSession(tenant);
        transactions.inTenantTransaction(tenant, () -> {
            sessions.save(completed);
            notifier.scanChanged(completed);
            return null;
        });

        var log = ((AdminOutcome.Done<List<io.rppg.domain.webhook.WebhookDelivery>>)
                webhooks.listDeliveries(PLATFORM_ADMIN, tenant)).value();
        assertThat(log).isEmpty();
    }

    private static void assertSignedWith(String secret, Received delivery) throws Exception {
        var parts = delivery.signature().split(",");
        assertThat(parts[0]).startsWith("t=");
        assertThat(parts[1]).startsWith("v1=");
        var timestamp = parts[0].substring(2);
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(60);
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var expected = HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(parts[1].substring(3)).isEqualTo(expected);
    }

    private TenantId newTenant() {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var plan = new Plan(new PlanId(UUID.randomUUID()), "hooks-" + UUID.randomUUID(), 10, 600, 10, 100, false);
        var tenant = Tenant.register(new TenantId(UUID.randomUUID()), "hooked clinic", plan.id(), now);
        return transactions.inPlatformTransaction(() -> {
            plans.save(plan);
            return tenants.save(tenant).id();
        });
    }

    private static ScanSession completedSession(TenantId tenant) {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var vitals = new Vitals(new HeartRate(71.3), Measurement.of(new RespiratoryRate(14.2)),
                Measurement.of(new HeartRateVariability(41.0, 35.5, 24)), new SignalQuality(9.8, 0.9, 0.85),
                new Confidence(0.83), "pos", 29.5, 885);
        return ScanSession.open(ScanSessionId.issue(now, UUID.randomUUID().toString().replace("-", "")), tenant,
                        new SessionOwner("key_webhook_test"), now)
                .acceptVideo(now).complete(vitals, now.plusSeconds(3));
    }
}
