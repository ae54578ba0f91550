package io.rppg.bootstrap.wiring;

import io.rppg.application.port.in.SeedPlatformAdminUseCase;
import io.rppg.application.port.in.SeedPlatformAdminUseCase.SeedOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * On first start with an empty database, creates the platform admin from {@code RPPG_ADMIN_EMAIL} and
 * {@code RPPG_ADMIN_PASSWORD}. Without a password one is generated and printed once to the console, never to the log.
 * It runs once every bean is ready (the schema is migrated by then) but before the web server opens its port, so a
 * script that logs in as soon as {@code /health} answers finds the admin there.
 */
@Component
class PlatformAdminSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PlatformAdminSeeder.class);

    private final SeedPlatformAdminUseCase seeding;
    private final String email;
    private final String password;

    PlatformAdminSeeder(SeedPlatformAdminUseCase seeding,
                        @Value("${rppg.admin.email}") String email,
                        @Value("${rppg.admin.password:}") String password) {
        this.seeding = seeding;
        this.email = email;
        this.password = password;
    }

    @Override
    public void afterSingletonsInstantiated() {
        switch (seed()) {
            case SeedOutcome.Seeded(var admin, var generatedPassword) -> {
                log.info("Created the platform admin '{}'", admin);
                generatedPassword.ifPresent(generated -> System.out.printf(
                        "%n==== First start: platform admin created ====%n  username: %s%n  password: %s%n"
                                + "  This password is shown only now. Set RPPG_ADMIN_PASSWORD to choose your own.%n%n",
                        admin, generated));
            }
            case SeedOutcome.AlreadySeeded() -> log.debug("The platform admin exists already");
        }
    }

    /**
     * Nodes that start together on an empty database race to create the admin: the one whose insert loses to the
     * other's finds the admin there when it looks again.
     */
    private SeedOutcome seed() {
        Optional<String> chosen = Optional.ofNullable(password).filter(text -> !text.isBlank());
        try {
            return seeding.seedIfEmpty(email, chosen);
        } catch (DataIntegrityViolationException lostTheRace) {
            log.debug("Another node created the platform admin at the same time");
            return seeding.seedIfEmpty(email, chosen);
        }
    }
}
