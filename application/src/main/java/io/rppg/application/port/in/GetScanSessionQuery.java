package io.rppg.application.port.in;

import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.util.Optional;

/** A client reads one of its sessions: its status and, once finished, its vitals or failure. */
public interface GetScanSessionQuery {

    /** Empty when the session does not exist, belongs to another tenant, or has expired. */
    Optional<ScanSession> getScanSession(TenantId tenant, ScanSessionId id);
}
