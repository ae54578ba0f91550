package io.rppg.application.service.identity;

import io.rppg.application.port.in.SeedPlatformAdminUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.PasswordHasherPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.UserPort;
import io.rppg.domain.identity.PasswordPolicy;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;

import java.util.Locale;
import java.util.Optional;

/** Creates the first platform admin when the platform starts with no users at all. */
public final class PlatformAdminSeedingService implements SeedPlatformAdminUseCase {

    private static final int GENERATED_PASSWORD_CHARACTERS = 24;

    private final UserPort users;
    private final PasswordHasherPort passwords;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final IdGeneratorPort ids;

    public PlatformAdminSeedingService(UserPort users, PasswordHasherPort passwords, TransactionPort transactions,
                                       ClockPort clock, IdGeneratorPort ids) {
        this.users = users;
        this.passwords = passwords;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public SeedOutcome seedIfEmpty(String email, Optional<String> password) {
        var generated = password.isEmpty();
        var chosen = password.orElseGet(() -> Secrets.randomBase62(GENERATED_PASSWORD_CHARACTERS));
        PasswordPolicy.problemWith(chosen).ifPresent(problem -> {
            throw new IllegalArgumentException("RPPG_ADMIN_PASSWORD is not acceptable: " + problem);
        });
        var address = email.trim().toLowerCase(Locale.ROOT);
        return transactions.inPlatformTransaction(() -> {
            if (users.count() > 0) {
                return new SeedOutcome.AlreadySeeded();
            }
            users.save(new User(new UserId(ids.newUuid()), Optional.empty(), address, address,
                    passwords.hash(chosen), Role.PLATFORM_ADMIN, clock.now()));
            return new SeedOutcome.Seeded(address, generated ? Optional.of(chosen) : Optional.empty());
        });
    }
}
