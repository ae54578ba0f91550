package io.rppg.adapter.persistence.session;

import java.io.Serializable;
import java.util.UUID;

/** The primary key of a stored session: tenant first, like every index of a tenant-owned table. */
record ScanSessionKey(UUID tenantId, String id) implements Serializable {

    ScanSessionKey() {
        this(null, null);
    }
}
