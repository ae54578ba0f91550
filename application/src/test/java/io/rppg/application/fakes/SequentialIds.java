package io.rppg.application.fakes;

import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.domain.session.ScanSessionId;

import java.time.Instant;
import java.util.UUID;

/** Predictable ids: 1, 2, 3, ... in the random part of session ids and in the low bits of UUIDs. */
public final class SequentialIds implements IdGeneratorPort {

    private long next = 1;

    @Override
    public UUID newUuid() {
        return new UUID(0L, next++);
    }

    @Override
    public ScanSessionId newScanSessionId(Instant createdAt) {
        return ScanSessionId.issue(createdAt, String.format("%08d", next++));
    }
}
