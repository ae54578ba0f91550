package io.rppg.domain.identity;

import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    private static ApiKey key(UUID id, String name) {
        return new ApiKey(new ApiKeyId(id), new TenantId(UUID.randomUUID()), name, "rppg_live_AbC123",
                "0".repeat(64), new UserId(UUID.randomUUID()), NOW, null, null);
    }

    @Test
    void aNewKeyIsLive() {
        var key = key(UUID.randomUUID(), "mobile app");

        assertThat(key.isRevoked()).isFalse();
        assertThat(key.revokedAt()).isNull();
    }

    @Test
    void revokingRecordsTheMomentAndKeepsEverythingElse() {
        var key = key(UUID.randomUUID(), "mobile app");
        var later = NOW.plus(Duration.ofDays(3));

        var revoked = key.revoke(later);

        assertThat(revoked.isRevoked()).isTrue();
        assertThat(revoked.revokedAt()).isEqualTo(later);
        assertThat(revoked).usingRecursiveComparison().ignoringFields("revokedAt").isEqualTo(key);
    }

    @Test
    void revokingTwiceKeepsTheFirstMoment() {
        var revoked = key(UUID.randomUUID(), "mobile app").revoke(NOW.plusSeconds(60));

        var again = revoked.revoke(NOW.plusSeconds(3600));

        assertThat(again).isSameAs(revoked);
        assertThat(again.revokedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void theOwnerIsTheIdWithoutHyphensBehindKey() {
        var id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

        assertThat(key(id, "mobile app").owner().value()).isEqualTo("key_0f8fad5bd9cb469fa16570867728950e");
    }

    @Test
    void everySecretStartsWithTheLivePrefix() {
        assertThat(ApiKey.SECRET_PREFIX).isEqualTo("rppg_live_");
    }

    @Test
    void refusesABlankOrOverlongName() {
        assertThatThrownBy(() -> key(UUID.randomUUID(), "  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> key(UUID.randomUUID(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(key(UUID.randomUUID(), "n".repeat(100)).name()).hasSize(100);
        assertThatThrownBy(() -> key(UUID.randomUUID(), "n".repeat(101))).isInstanceOf(IllegalArgumentException.class);
    }
}
