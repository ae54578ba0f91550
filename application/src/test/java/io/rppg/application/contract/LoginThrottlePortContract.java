package io.rppg.application.contract;

import io.rppg.application.port.out.LoginThrottlePort;
import io.rppg.domain.identity.LoginThrottle;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed-login records by key, read plain or for update, replaced whole and cleared. Platform transactions. */
public abstract class LoginThrottlePortContract extends PortContract {

    protected abstract LoginThrottlePort throttles();

    @Test
    void aKeyWithoutFailuresHasNoRecord() {
        var key = newKey();

        assertThat(inPlatform(() -> throttles().find(key))).isEqualTo(LoginThrottle.NONE);
        assertThat(inPlatform(() -> throttles().findForUpdate(key))).isEqualTo(LoginThrottle.NONE);
    }

    @Test
    void aSavedRecordIsFoundPlainAndForUpdate() {
        var key = newKey();
        var record = new LoginThrottle(4, now(), now().plusSeconds(1));

        withinPlatform(() -> throttles().save(key, record));

        assertThat(inPlatform(() -> throttles().find(key))).isEqualTo(record);
        assertThat(inPlatform(() -> throttles().findForUpdate(key))).isEqualTo(record);
    }

    @Test
    void aSavedRecordReplacesTheOneBefore() {
        var key = newKey();
        var first = new LoginThrottle(1, now(), now());
        var later = first.afterFailure(now().plusSeconds(2), LoginThrottle.Policy.PER_LOGIN);
        withinPlatform(() -> throttles().save(key, first));

        withinPlatform(() -> throttles().save(key, later));

        assertThat(inPlatform(() -> throttles().find(key))).isEqualTo(later);
    }

    @Test
    void aClearedKeyHasNoRecordAndOtherKeysKeepTheirs() {
        var key = newKey();
        var other = newKey();
        var record = new LoginThrottle(12, now(), now().plus(Duration.ofMinutes(15)));
        withinPlatform(() -> throttles().save(key, record));
        withinPlatform(() -> throttles().save(other, record));

        withinPlatform(() -> throttles().clear(key));

        assertThat(inPlatform(() -> throttles().find(key))).isEqualTo(LoginThrottle.NONE);
        assertThat(inPlatform(() -> throttles().find(other))).isEqualTo(record);
    }

    private static String newKey() {
        return "user:" + UUID.randomUUID();
    }
}
