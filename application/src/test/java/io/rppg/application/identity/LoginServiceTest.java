package io.rppg.application.identity;

import io.rppg.application.fakes.InMemoryRefreshTokenPort;
import io.rppg.application.fakes.InMemoryLoginThrottlePort;
import io.rppg.application.fakes.DirectTransactions;
import io.rppg.application.fakes.FixedClock;
import io.rppg.application.fakes.InMemoryTenantPort;
import io.rppg.application.fakes.SequentialIds;
import io.rppg.application.port.in.LogInUseCase.Credentials;
import io.rppg.application.port.in.LogInUseCase.LoginOutcome;
import io.rppg.application.port.in.LogInUseCase.TokenPair;
import io.rppg.application.port.in.RefreshAccessTokenUseCase.RefreshOutcome;
import io.rppg.application.service.identity.LoginService;
import io.rppg.application.service.identity.Secrets;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LoginServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final String PASSWORD = "correct horse battery";
    private static final String ADDRESS = "203.0.113.7";

    private final IdentityFakes.Users users = new IdentityFakes.Users();
    private final InMemoryTenantPort tenants = new InMemoryTenantPort();
    private final InMemoryRefreshTokenPort refreshTokens = new InMemoryRefreshTokenPort();
    private final InMemoryLoginThrottlePort throttles = new InMemoryLoginThrottlePort();
    private final IdentityFakes.PlainHasher hasher = new IdentityFakes.PlainHasher();
    private final IdentityFakes.AccessTokens accessTokens = new IdentityFakes.AccessTokens();
    private final FixedClock clock = new FixedClock(NOW);
    private LoginService service;
    private Tenant tenant;
    private User jane;

    @BeforeEach
    void setUp() {
        service = new LoginService(users, tenants, refreshTokens, throttles, hasher, accessTokens,
                new DirectTransactions(), clock, new SequentialIds(), LoginService.Throttling.DEFAULT);
        tenant = tenants.save(Tenant.register(new TenantId(UUID.randomUUID()), "Clinic", new PlanId(UUID.randomUUID()), NOW));
        jane = users.save(new User(new UserId(UUID.randomUUID()), Optional.of(tenant.id()), "jane",
                "jane@clinic.example", hasher.hash(PASSWORD), Role.MEMBER, NOW));
    }

    private LoginOutcome logIn(String login, String password) {
        return service.logIn(new Credentials(login, password, ADDRESS));
    }

    private TokenPair tokensOf(LoginOutcome outcome) {
        assertThat(outcome).isInstanceOf(LoginOutcome.LoggedIn.class);
        return ((LoginOutcome.LoggedIn) outcome).tokens();
    }

    private TokenPair tokensOf(RefreshOutcome outcome) {
        assertThat(outcome).isInstanceOf(RefreshOutcome.Refreshed.class);
        return ((RefreshOutcome.Refreshed) outcome).tokens();
    }

    @Test
    void logsInByUsername() {
        var outcome = logIn("jane", PASSWORD);

        assertThat(((LoginOutcome.LoggedIn) outcome).user()).isEqualTo(jane);
        var tokens = tokensOf(outcome);
        assertThat(tokens.accessToken()).isEqualTo("access-1-jane");
        assertThat(tokens.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(900));
        assertThat(tokens.refreshToken()).hasSize(43).matches("[0-9A-Za-z]+");
    }

    @Test
    void logsInByEmailWhateverItsCase() {
        assertThat(logIn("jane@clinic.example", PASSWORD)).isInstanceOf(LoginOutcome.LoggedIn.class);
        assertThat(logIn("  Jane@CLINIC.example ", PASSWORD)).isInstanceOf(LoginOutcome.LoggedIn.class);
        assertThat(logIn("JANE", PASSWORD)).isInstanceOf(LoginOutcome.LoggedIn.class);
    }

    @Test
    void keepsOnlyTheHashOfTheRefreshToken() {
        var tokens = tokensOf(logIn("jane", PASSWORD));

        var stored = refreshTokens.byId.values().iterator().next();
        assertThat(refreshTokens.byId).hasSize(1);
        assertThat(stored.tokenHash()).isEqualTo(Secrets.sha256(tokens.refreshToken()))
                .isNotEqualTo(tokens.refreshToken());
        assertThat(stored.userId()).isEqualTo(jane.id());
        assertThat(stored.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void tellsAnUnknownUserFromAWrongPassword() {
        assertThat(logIn("nobody", PASSWORD)).isInstanceOf(LoginOutcome.UnknownUser.class);
        assertThat(logIn("jane", "wrong password")).isInstanceOf(LoginOutcome.WrongPassword.class);
        assertThat(logIn("jane", null)).isInstanceOf(LoginOutcome.WrongPassword.class);
        assertThat(logIn(null, PASSWORD)).isInstanceOf(LoginOutcome.UnknownUser.class);
        assertThat(accessTokens.issuedFor).isEmpty();
        assertThat(refreshTokens.byId).isEmpty();
    }

    @Test
    void checksAPasswordEvenForAnUnknownUserSoBothMissesCostTheSame() {
        var before = hasher.checks;

        logIn("nobody", PASSWORD);

        assertThat(hasher.checks).isEqualTo(before + 1);
    }

    @Test
    void twoFailuresCostNothing() {
        for (int i = 0; i < 2; i++) {
            assertThat(logIn("jane", "wrong password")).isInstanceOf(LoginOutcome.WrongPassword.class);
        }

        assertThat(logIn("jane", PASSWORD)).isInstanceOf(LoginOutcome.LoggedIn.class);
    }

    @Test
    void threeWrongPasswordsAreLetThroughAndTheFourthAttemptWaitsEvenWithTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            assertThat(logIn("jane", "wrong password")).isInstanceOf(LoginOutcome.WrongPassword.class);
        }

        var outcome = logIn("jane", PASSWORD);

        assertThat(outcome).isEqualTo(new LoginOutcome.Throttled(Duration.ofSeconds(1)));
        assertThat(accessTokens.issuedFor).isEmpty();
    }

    @Test
    void theThrottleIgnoresTheCaseOfTheLogin() {
        for (int i = 0; i < 3; i++) {
            logIn("jane", "wrong password");
        }

        assertThat(logIn("JANE", PASSWORD)).isInstanceOf(LoginOutcome.Throttled.class);
    }

    @Test
    void theUsernameAndTheEmailOfOneAccountShareOneThrottle() {
        logIn("jane", "wrong password");
        logIn("jane@clinic.example", "wrong password");
        logIn("JANE@clinic.example", "wrong password");

        assertThat(logIn("jane", PASSWORD)).isInstanceOf(LoginOutcome.Throttled.class);
        assertThat(logIn("jane@clinic.example", PASSWORD)).isInstanceOf(LoginOutcome.Throttled.class);
    }

    @Test
    void theWaitDoublesAndASuccessClearsIt() {
        for (int i = 0; i < 3; i++) {
            logIn("jane", "wrong password");
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(logIn("jane", "wrong password")).isInstanceOf(LoginOutcome.WrongPassword.class);
        assertThat(logIn("jane", PASSWORD)).isEqualTo(new LoginOutcome.Throttled(Duration.ofSeconds(2)));

        clock.advance(Duration.ofSeconds(2));
        assertThat(logIn("jane", PASSWORD)).isInstanceOf(LoginOutcome.LoggedIn.class);

        assertThat(throttles.find("account:" + jane.id().value()).failures()).isZero();
        assertThat(logIn("jane", "wrong password")).isInstanceOf(LoginOutcome.WrongPassword.class);
        assertThat(logIn("jane", PASSWORD)).isInstanceOf(LoginOutcome.LoggedIn.class);
    }

    @Test
    void tenFailuresLockTheLoginForAQuarterOfAnHour() {
        for (int i = 0; i < 10; i++) {
            assertThat(logIn("jane", "wrong password")).isInstanceOf(LoginOutcome.WrongPassword.class);
            clock.advance(Duration.ofMinutes(2));
        }

        var outcome = logIn("jane", PASSWORD);

        assertThat(outcome).isInstanceOf(LoginOutcome.Throttled.class);
        assertThat(((LoginOutcome.Throttled) outcome).retryAfter()).isEqualTo(Duration.ofMinutes(13));
    }

    @Test
    void aThrottledAttemptDoesNotCountAsAnotherFailure() {
        for (int i = 0; i < 3; i++) {
            logIn("jane", "wrong password");
        }
        for (int i = 0; i < 20; i++) {
            logIn("jane", "wrong password");
        }

        assertThat(throttles.find("account:" + jane.id().value()).failures()).isEqualTo(3);
    }

    @Test
    void oneAddressGuessingManyLoginsIsThrottledToo() {
        for (int i = 0; i < 20; i++) {
            assertThat(logIn("guess" + i, PASSWORD)).isInstanceOf(LoginOutcome.UnknownUser.class);
        }

        assertThat(service.logIn(new Credentials("jane", PASSWORD, ADDRESS)))
                .isInstanceOf(LoginOutcome.Throttled.class);
        assertThat(service.logIn(new Credentials("jane", PASSWORD, "198.51.100.1")))
                .isInstanceOf(LoginOutcome.LoggedIn.class);
    }

    @Test
    void aSuspendedTenantsUserCannotLogIn() {
        tenants.save(tenant.suspend());

        assertThat(logIn("jane", PASSWORD)).isInstanceOf(LoginOutcome.TenantSuspended.class);
        assertThat(logIn("jane", "wrong password")).isInstanceOf(LoginOutcome.WrongPassword.class);
        assertThat(accessTokens.issuedFor).isEmpty();
        assertThat(refreshTokens.byId).isEmpty();

        tenants.save(tenant.reactivate());
        assertThat(logIn("jane", PASSWORD)).isInstanceOf(LoginOutcome.LoggedIn.class);
    }

    @Test
    void aPlatformAdminLogsInWithoutATenant() {
        users.save(new User(new UserId(UUID.randomUUID()), Optional.empty(), "root@rppg.example", "root@rppg.example",
                hasher.hash(PASSWORD), Role.PLATFORM_ADMIN, NOW));

        assertThat(logIn("root@rppg.example", PASSWORD)).isInstanceOf(LoginOutcome.LoggedIn.class);
    }

    @Test
    void aRefreshSpendsTheTokenAndIssuesItsSuccessorInTheSameFamily() {
        var first = tokensOf(logIn("jane", PASSWORD));
        clock.advance(Duration.ofMinutes(10));

        var second = tokensOf(service.refresh(first.refreshToken()));

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(refreshTokens.byId).hasSize(2);
        var spent = refreshTokens.findByHashForUpdate(Secrets.sha256(first.refreshToken())).orElseThrow();
        var successor = refreshTokens.findByHashForUpdate(Secrets.sha256(second.refreshToken())).orElseThrow();
        assertThat(spent.spentAt()).isEqualTo(clock.now());
        assertThat(successor.familyId()).isEqualTo(spent.familyId());
        assertThat(successor.spentAt()).isNull();

        assertThat(service.refresh(second.refreshToken())).isInstanceOf(RefreshOutcome.Refreshed.class);
    }

    @Test
    void aSpentTokenPresentedAgainRevokesItsWholeFamily() {
        var first = tokensOf(logIn("jane", PASSWORD));
        var second = tokensOf(service.refresh(first.refreshToken()));
        var otherDevice = tokensOf(logIn("jane", PASSWORD));

        assertThat(service.refresh(first.refreshToken())).isInstanceOf(RefreshOutcome.ReuseDetected.class);

        assertThat(service.refresh(second.refreshToken())).isInstanceOf(RefreshOutcome.Rejected.class);
        assertThat(service.refresh(first.refreshToken())).isInstanceOf(RefreshOutcome.Rejected.class);
        assertThat(service.refresh(otherDevice.refreshToken())).isInstanceOf(RefreshOutcome.Refreshed.class);
    }

    @Test
    void refusesUnknownBlankAndOverlongTokens() {
        tokensOf(logIn("jane", PASSWORD));

        assertThat(service.refresh("not-a-token")).isInstanceOf(RefreshOutcome.Rejected.class);
        assertThat(service.refresh(null)).isInstanceOf(RefreshOutcome.Rejected.class);
        assertThat(service.refresh("  ")).isInstanceOf(RefreshOutcome.Rejected.class);
        assertThat(service.refresh("x".repeat(201))).isInstanceOf(RefreshOutcome.Rejected.class);
    }

    @Test
    void refusesAnExpiredToken() {
        var tokens = tokensOf(logIn("jane", PASSWORD));

        clock.advance(Duration.ofDays(30));

        assertThat(service.refresh(tokens.refreshToken())).isInstanceOf(RefreshOutcome.Rejected.class);
    }

    @Test
    void aSuspendedTenantsUserCannotRefreshAndKeepsTheToken() {
        var tokens = tokensOf(logIn("jane", PASSWORD));
        tenants.save(tenant.suspend());

        assertThat(service.refresh(tokens.refreshToken())).isInstanceOf(RefreshOutcome.TenantSuspended.class);

        tenants.save(tenant.reactivate());
        assertThat(service.refresh(tokens.refreshToken())).isInstanceOf(RefreshOutcome.Refreshed.class);
    }

    @Test
    void aDeletedUsersTokenIsRejected() {
        var tokens = tokensOf(logIn("jane", PASSWORD));
        users.delete(tenant.id(), jane.id());

        assertThat(service.refresh(tokens.refreshToken())).isInstanceOf(RefreshOutcome.Rejected.class);
    }

    @Test
    void anOverlongLoginNamesNobodyAndIsThrottledUnderAKeyOfBoundedSize() {
        var login = "a".repeat(5000);

        assertThat(logIn(login, PASSWORD)).isInstanceOf(LoginOutcome.UnknownUser.class);

        assertThat(throttles.byKey.keySet()).filteredOn(key -> key.startsWith("user:"))
                .singleElement().satisfies(key -> assertThat(key.length()).isLessThanOrEqualTo(400));
        for (int i = 0; i < 2; i++) {
            assertThat(logIn(login, PASSWORD)).isInstanceOf(LoginOutcome.UnknownUser.class);
        }
        assertThat(logIn(login, PASSWORD)).isInstanceOf(LoginOutcome.Throttled.class);
    }
}
