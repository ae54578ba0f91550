package io.rppg.domain.tenant;

/** A suspended tenant keeps its data but may not call the platform. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
