package io.rppg.application.port.out;

import io.rppg.domain.session.ScanSessionId;

import java.time.Instant;
import java.util.UUID;

/** New identifiers: unguessable where a client will hold them. */
public interface IdGeneratorPort {

    UUID newUuid();

    ScanSessionId newScanSessionId(Instant createdAt);
}
