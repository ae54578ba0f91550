package io.rppg.application.port.in;

import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;

/** A client opens a scan session, spending one scan of its plan. */
public interface CreateScanSessionUseCase {

    SessionCreation createScanSession(Command command);

    record Command(TenantId tenant, SessionOwner owner) {
        public Command {
            if (tenant == null || owner == null) {
                throw new IllegalArgumentException("tenant and owner are required");
            }
        }
    }

    /** Each outcome a client can meet; every surface maps them to its own shape. */
    sealed interface SessionCreation {

        record Created(ScanSession session) implements SessionCreation {
        }

        record NoScansAvailable(int monthlyScans, Instant renewsAt) implements SessionCreation {
        }

        record TooManyOpenSessions(int maxOpenSessions) implements SessionCreation {
        }
    }
}
