package io.rppg.bootstrap.wiring;

import io.rppg.application.port.in.SeedPlatformAdminUseCase;
import io.rppg.application.port.in.SeedPlatformAdminUseCase.SeedOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Nodes that start together on an empty database: the one that loses the race to create the admin starts anyway. */
class PlatformAdminSeederTest {

    @Test
    void aNodeThatLosesTheRaceToCreateTheAdminFindsItThere() {
        AtomicInteger calls = new AtomicInteger();
        SeedPlatformAdminUseCase racing = (String email, Optional<String> password) -> {
            if (calls.incrementAndGet() == 1) {
                throw new DataIntegrityViolationException("duplicate key value violates unique constraint");
            }
            return new SeedOutcome.AlreadySeeded();
        };

        assertThatNoException().isThrownBy(
                () -> new PlatformAdminSeeder(racing, "admin@example.org", "").afterSingletonsInstantiated());
        assertThat(calls).hasValue(2);
    }
}
