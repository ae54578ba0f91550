package io.rppg.domain.identity;

import io.rppg.domain.Require;

import java.util.UUID;

/** Identifies a user. */
public record UserId(UUID value) {

    public UserId {
        Require.present(value, "user id");
    }

    public static UserId of(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
