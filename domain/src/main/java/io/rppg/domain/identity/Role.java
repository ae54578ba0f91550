package io.rppg.domain.identity;

/**
 * What a user may do. Platform admins run the whole platform and belong to no tenant; tenant admins manage their
 * own tenant's users and API keys; members use the scan APIs.
 */
public enum Role {
    PLATFORM_ADMIN,
    TENANT_ADMIN,
    MEMBER;

    public boolean belongsToATenant() {
        return this != PLATFORM_ADMIN;
    }
}
