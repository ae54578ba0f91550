package io.rppg.adapter.persistence;

import io.rppg.application.port.out.LoginThrottlePort;
import io.rppg.application.port.out.RefreshTokenPort;
import io.rppg.application.port.out.UserPort;
import io.rppg.application.port.out.WebhookDeliveryPort;
import io.rppg.application.port.out.WebhookEndpointPort;
import io.rppg.domain.identity.LoginThrottle;
import io.rppg.domain.identity.RefreshToken;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.webhook.ScanEventType;
import io.rppg.domain.webhook.WebhookDelivery;
import io.rppg.domain.webhook.WebhookEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the hourly sweep deletes besides videos, on the real tables; each purge runs in a platform transaction. */
class HousekeepingPortContractTest extends PortContractTest {

    @Autowired
    private LoginThrottlePort throttles;
    @Autowired
    private RefreshTokenPort refreshTokens;
    @Autowired
    private UserPort users;
    @Autowired
    private WebhookEndpointPort endpoints;
    @Autowired
    private WebhookDeliveryPort deliveries;

    @Test
    void loginThrottlesThatNeitherBlockNorCountAnyMoreAreDeleted() {
        var now = now();
        var window = Duration.ofMinutes(15);
        var forgotten = "user:" + UUID.randomUUID();
        var counted = "user:" + UUID.randomUUID();
        var blocking = "address:" + UUID.randomUUID();
        inPlatform(() -> {
            throttles.save(forgotten, new LoginThrottle(5, now.minus(window).minusSeconds(1), now.minusSeconds(60)));
            throttles.save(counted, new LoginThrottle(2, now.minus(window).plusSeconds(60), now.minusSeconds(60)));
            throttles.save(blocking, new LoginThrottle(10, now.minus(window).minusSeconds(1), now.plusSeconds(60)));
            return null;
        });

        int deleted = inPlatform(() -> throttles.deleteExpired(now, window));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(inPlatform(() -> throttles.find(forgotten))).isEqualTo(LoginThrottle.NONE);
        assertThat(inPlatform(() -> throttles.find(counted).failures())).isEqualTo(2);
        assertThat(inPlatform(() -> throttles.find(blocking).failures())).isEqualTo(10);
    }

    @Test
    void refreshTokensThatCanNoLongerBeUsedAreDeletedAndSpentOnesStayUntilThen() {
        var now = now();
        var user = newMember(newTenant(10));
        var family = UUID.randomUUID();
        var live = token(user, family, now.minus(Duration.ofDays(1)));
        var spent = token(user, family, now.minus(Duration.ofDays(2))).spend(now.minus(Duration.ofDays(1)));
        var expired = token(user, UUID.randomUUID(), now.minus(RefreshToken.LIFETIME).minusSeconds(1));
        var revoked = token(user, UUID.randomUUID(), now.minus(Duration.ofDays(1)));
        inPlatform(() -> {
            List.of(live, spent, expired, revoked).forEach(refreshTokens::save);
            refreshTokens.revokeFamily(revoked.familyId(), now.minusSeconds(60));
            return null;
        });

        int deleted = inPlatform(() -> refreshTokens.deleteExpiredOrRevoked(now));

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(stored(live)).isPresent();
        assertThat(stored(spent)).isPresent();
        assertThat(stored(expired)).isEmpty();
        assertThat(stored(revoked)).isEmpty();
    }

    @Test
    void deliveredWebhooksOlderThanTheCutoffAreDeletedForEveryTenantAndOthersStay() {
        var now = now();
        var clinic = newTenant(10);
        var insurer = newTenant(10);
        var cutoff = now.minus(Duration.ofDays(30));
        var clinicOld = delivered(clinic, cutoff.minusSeconds(60));
        var insurerOld = delivered(insurer, cutoff.minusSeconds(60));
        var clinicYoung = delivered(clinic, cutoff.plusSeconds(60));
        var clinicPending = inTenant(clinic, () -> {
            var pending = WebhookDelivery.create(UUID.randomUUID(), clinic.id(), endpointOf(clinic).id(),
                    ScanEventType.SCAN_FAILED, "{}", cutoff.minusSeconds(60));
            deliveries.save(pending);
            return pending;
        });

        int deleted = inPlatform(() -> deliveries.deleteDeliveredBefore(cutoff));

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(idsOf(clinic)).containsExactlyInAnyOrder(clinicYoung.id(), clinicPending.id());
        assertThat(idsOf(insurer)).doesNotContain(insurerOld.id());
        assertThat(idsOf(clinic)).doesNotContain(clinicOld.id());
    }

    private WebhookDelivery delivered(Tenant tenant, Instant createdAt) {
        return inTenant(tenant, () -> {
            var delivery = WebhookDelivery.create(UUID.randomUUID(), tenant.id(), endpointOf(tenant).id(),
                    ScanEventType.SCAN_COMPLETED, "{}", createdAt)
                    .afterAttempt(200, null, createdAt.plusSeconds(1), WebhookDelivery.RETRIES);
            deliveries.save(delivery);
            return delivery;
        });
    }

    /** The tenant's one endpoint, registered on first use. */
    private WebhookEndpoint endpointOf(Tenant tenant) {
        var existing = endpoints.findByTenant(tenant.id());
        return existing.isEmpty()
                ? endpoints.save(new WebhookEndpoint(UUID.randomUUID(), tenant.id(), "https://hooks.example/rppg",
                        Set.of(ScanEventType.SCAN_COMPLETED), "whsec_test", now()))
                : existing.get(0);
    }

    private List<UUID> idsOf(Tenant tenant) {
        return inTenant(tenant, () -> deliveries.findRecent(tenant.id(), 100)).stream()
                .map(WebhookDelivery::id).toList();
    }

    private User newMember(Tenant tenant) {
        var name = "member-" + UUID.randomUUID().toString().substring(0, 8);
        return inPlatform(() -> users.save(new User(new UserId(UUID.randomUUID()), Optional.of(tenant.id()), name,
                name + "@clinic.test", "hash", Role.MEMBER, now())));
    }

    private static RefreshToken token(User user, UUID family, Instant issuedAt) {
        return RefreshToken.issue(UUID.randomUUID(), family, user.id(), "hash-" + UUID.randomUUID(), issuedAt);
    }

    private Optional<RefreshToken> stored(RefreshToken token) {
        return inPlatform(() -> refreshTokens.findByHashForUpdate(token.tokenHash()));
    }

    private <T> T inPlatform(java.util.function.Supplier<T> work) {
        return transactions.inPlatformTransaction(work);
    }

    private <T> T inTenant(Tenant tenant, java.util.function.Supplier<T> work) {
        return transactions.inTenantTransaction(tenant.id(), work);
    }
}
