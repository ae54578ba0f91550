package io.rppg.domain.tenant;

import io.rppg.domain.Require;

import java.util.UUID;

/** Identifies a tenant: a clinic, an app or an insurer that sends scans. */
public record TenantId(UUID value) {

    public TenantId {
        Require.present(value, "tenant id");
    }

    public static TenantId of(String text) {
        return new TenantId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
