package io.rppg.application.port.out;

import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.util.Optional;

/** What clients attach to their scans, as JSON text. */
public interface ScanMetadataPort {

    void save(TenantId tenant, ScanSessionId session, String json);

    Optional<String> find(TenantId tenant, ScanSessionId session);
}
