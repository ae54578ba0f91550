package io.rppg.domain.identity;

import io.rppg.domain.Require;

import java.util.UUID;

/** Identifies an API key (not its secret). */
public record ApiKeyId(UUID value) {

    public ApiKeyId {
        Require.present(value, "API key id");
    }

    public static ApiKeyId of(String text) {
        return new ApiKeyId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
