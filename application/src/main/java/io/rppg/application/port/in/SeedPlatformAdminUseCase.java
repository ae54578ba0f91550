package io.rppg.application.port.in;

import java.util.Optional;

/** On first start with an empty database, the platform gets its first platform admin. */
public interface SeedPlatformAdminUseCase {

    /**
     * Creates the admin when no user exists yet.
     *
     * @param password the admin's password, or empty to generate one
     * @return what was done; {@link Seeded#generatedPassword()} is present only when one was generated
     */
    SeedOutcome seedIfEmpty(String email, Optional<String> password);

    sealed interface SeedOutcome {

        record AlreadySeeded() implements SeedOutcome {
        }

        record Seeded(String email, Optional<String> generatedPassword) implements SeedOutcome {
            @Override
            public String toString() {
                return "Seeded[email=" + email + "]";
            }
        }
    }
}
