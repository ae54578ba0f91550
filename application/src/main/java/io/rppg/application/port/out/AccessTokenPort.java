package io.rppg.application.port.out;

import io.rppg.domain.identity.User;

import java.time.Instant;

/** Signs short-lived access tokens that carry the user, the tenant and the role. */
public interface AccessTokenPort {

    AccessToken issue(User user, Instant now);

    record AccessToken(String value, Instant expiresAt) {
    }
}
