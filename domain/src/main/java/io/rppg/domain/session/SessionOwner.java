package io.rppg.domain.session;

import io.rppg.domain.Require;

/** Who opened a session: the API key or user, as the v1 API's {@code owner} field shows it. */
public record SessionOwner(String value) {

    public SessionOwner {
        Require.text(value, "session owner", 100);
    }

    @Override
    public String toString() {
        return value;
    }
}
