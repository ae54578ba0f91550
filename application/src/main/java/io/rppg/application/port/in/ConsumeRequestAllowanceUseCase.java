package io.rppg.application.port.in;

import io.rppg.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every request spends one unit of an allowance: an authenticated caller's comes from its tenant's plan
 * ({@code requests_per_minute}); a login attempt's comes from the address it was sent from.
 */
public interface ConsumeRequestAllowanceUseCase {

    /** Spends one request of the caller's credential (an API key or a user's access token). */
    RequestAllowance consumeForCaller(CallerRequest request);

    /** Spends one login attempt of a client address. */
    RequestAllowance consumeForLogin(String clientAddress);

    /**
     * Who is calling.
     *
     * @param tenant        the caller's tenant; platform administrators have none
     * @param credentialKey a stable name of the credential, e.g. {@code "api-key:<id>"} or {@code "user:<id>"}
     */
    record CallerRequest(Optional<TenantId> tenant, String credentialKey) {

        public CallerRequest {
            if (tenant == null) {
                throw new IllegalArgumentException("tenant must be present or explicitly empty");
            }
            if (credentialKey == null || credentialKey.isBlank()) {
                throw new IllegalArgumentException("credential key is required");
            }
        }
    }

    /** The answer: go on, or wait. */
    sealed interface RequestAllowance {

        int limit();

        /** When the current window ends and the allowance is whole again. */
        Instant resetAt();

        record Allowed(int limit, long remaining, Instant resetAt) implements RequestAllowance {
        }

        /** @param retryAfter how long until the next request would be allowed */
        record Limited(int limit, Duration retryAfter, Instant resetAt) implements RequestAllowance {
        }
    }
}
