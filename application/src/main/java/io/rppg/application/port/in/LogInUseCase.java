package io.rppg.application.port.in;

import io.rppg.domain.identity.User;

import java.time.Duration;
import java.time.Instant;

/** A person logs in with a username (or email) and password, on any surface. */
public interface LogInUseCase {

    LoginOutcome logIn(Credentials credentials);

    /**
     * @param clientAddress the caller's network address, for throttling guessers
     */
    record Credentials(String login, String password, String clientAddress) {
        @Override
        public String toString() {
            return "Credentials[login=" + login + ", password=<hidden>, clientAddress=" + clientAddress + "]";
        }
    }

    /** A fresh access token with the refresh token that can renew it. */
    record TokenPair(String accessToken, Instant accessTokenExpiresAt, String refreshToken) {
        @Override
        public String toString() {
            return "TokenPair[<hidden>]";
        }
    }

    sealed interface LoginOutcome {

        record LoggedIn(User user, TokenPair tokens) implements LoginOutcome {
        }

        record UnknownUser() implements LoginOutcome {
        }

        record WrongPassword() implements LoginOutcome {
        }

        /** Too many failures for this login or address: try again after the wait. */
        record Throttled(Duration retryAfter) implements LoginOutcome {
        }

        record TenantSuspended() implements LoginOutcome {
        }
    }
}
