package io.rppg.bootstrap.identity;

import io.rppg.application.port.out.LoginThrottlePort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.UserPort;
import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeated failed logins for one username are slowed, then refused even with the right password, on both login
 * surfaces. The user is this test's own, so the throttle disturbs no other test; the test keeps its failures few,
 * because every test calls from the same address, which has its own (larger) allowance.
 */
class LoginThrottlingTest extends PlatformTest {

    private static final String WRONG = "not the password";
    private static final int GUESSERS = 10;

    @Autowired
    private UserPort users;
    @Autowired
    private LoginThrottlePort throttles;
    @Autowired
    private TransactionPort transactions;

    @Test
    void threeWrongPasswordsAreLetThroughAndTheFourthAttemptWaitsUntilTheWaitIsOver() throws Exception {
        var api = new Api(port);
        var tenant = api.createTenant();
        var user = api.createUser(tenant, "member");
        var bystander = api.createUser(tenant, "member");

        for (int i = 0; i < 3; i++) {
            var failure = api.nervoscanLogin(user.username(), WRONG);
            assertThat(failure.status()).as("failure %d", i + 1).isEqualTo(401);
            assertThat(failure.json().path("error").path("code").asString()).isEqualTo("INVALID_PASSWORD");
        }
        // The third failure starts a wait of a second: the fourth attempt waits, even with the right password.
        var fourth = api.nervoscanLogin(user.username(), user.password());
        assertThat(fourth.status()).as(fourth.toString()).isEqualTo(429);
        assertThat(fourth.header("Retry-After")).hasValue("1");
        // Once it is over, a fourth failure costs two seconds.
        Thread.sleep(1100);
        assertThat(api.nervoscanLogin(user.username(), WRONG).status()).isEqualTo(401);

        var nervoscan = api.nervoscanLogin(user.username(), user.password());
        var v2 = api.v2Login(user.username(), user.password());

        assertThat(nervoscan.status()).isEqualTo(429);
        assertThat(nervoscan.json().path("success").asBoolean(true)).isFalse();
        assertThat(nervoscan.json().path("error").path("code").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(nervoscan.json().has("access_token")).isFalse();
        var retryAfter = Integer.parseInt(nervoscan.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isEqualTo(2);
        assertThat(v2.status()).isEqualTo(429);
        assertThat(v2.json().path("error").path("code").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(v2.json().path("error").path("details").path("retry_after").asInt())
                .isEqualTo(Integer.parseInt(v2.header("Retry-After").orElseThrow()))
                .isBetween(1, 2);
        assertThat(api.nervoscanLogin(bystander.username(), bystander.password()).status())
                .as("another user is not locked out").isEqualTo(200);

        Thread.sleep(retryAfter * 1000L + 200);
        var after = api.nervoscanLogin(user.username(), user.password());
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.text("access_token")).isNotBlank();
    }

    /** Wrong guesses sent all at once are each counted, as if they had come one after the other. */
    @Test
    void simultaneousFailuresAreAllCounted() throws Exception {
        var api = new Api(port);
        var tenant = api.createTenant();
        var user = api.createUser(tenant, "member");
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(GUESSERS);
        var answers = new ArrayList<Future<Integer>>();
        int wrongPasswords = 0;
        try {
            for (int i = 0; i < GUESSERS; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.nervoscanLogin(user.username(), WRONG).status();
                }));
            }
            start.countDown();
            for (var answer : answers) {
                int status = answer.get(60, TimeUnit.SECONDS);
                assertThat(status).isIn(401, 429);
                wrongPasswords += status == 401 ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }

        // Every guess that was judged (401) is counted; a guess refused for the wait (429) is not judged and not
        // counted. Three are free, so at least three are judged before the first wait, and those three counted
        // failures make even the right password wait.
        assertThat(wrongPasswords).isGreaterThanOrEqualTo(3);
        assertThat(failuresCountedFor(user.username())).isEqualTo(wrongPasswords);
        assertThat(api.nervoscanLogin(user.username(), user.password()).status()).isEqualTo(429);
    }

    private int failuresCountedFor(String username) {
        return transactions.inPlatformTransaction(() -> {
            var account = users.findByLogin(username).orElseThrow();
            return throttles.find("account:" + account.id().value()).failures();
        });
    }
}
