package io.rppg.application.port.in;

import io.rppg.domain.identity.ApiKey;

import java.util.Optional;

/** A request presents an API key as its bearer credential. */
public interface AuthenticateApiKeyUseCase {

    /** The live key, with whether its tenant may call; empty for an unknown or revoked key. */
    Optional<AuthenticatedKey> authenticate(String presentedKey);

    record AuthenticatedKey(ApiKey key, boolean tenantActive) {
    }
}
