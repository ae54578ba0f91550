package io.rppg.domain.tenant;

import io.rppg.domain.Require;

import java.util.UUID;

/** Identifies a plan. */
public record PlanId(UUID value) {

    public PlanId {
        Require.present(value, "plan id");
    }

    public static PlanId of(String text) {
        return new PlanId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
