package io.rppg.application.video;

import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.nio.file.Path;
import java.time.Instant;

/** A video file in storage, named after its tenant and session. */
public record StoredVideo(TenantId tenant, ScanSessionId session, Path path, Instant storedAt) {
}
