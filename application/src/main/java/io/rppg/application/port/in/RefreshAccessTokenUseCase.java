package io.rppg.application.port.in;

import io.rppg.application.port.in.LogInUseCase.TokenPair;

/** A client trades its refresh token for a new access token and a new refresh token. */
public interface RefreshAccessTokenUseCase {

    RefreshOutcome refresh(String refreshToken);

    sealed interface RefreshOutcome {

        record Refreshed(TokenPair tokens) implements RefreshOutcome {
        }

        /** No new tokens; the client must log in again (or, when suspended, cannot). */
        sealed interface Refusal extends RefreshOutcome {
        }

        /** Unknown, expired or revoked. */
        record Rejected() implements Refusal {
        }

        /** A spent token came back: its whole family has been revoked. */
        record ReuseDetected() implements Refusal {
        }

        record TenantSuspended() implements Refusal {
        }
    }
}
