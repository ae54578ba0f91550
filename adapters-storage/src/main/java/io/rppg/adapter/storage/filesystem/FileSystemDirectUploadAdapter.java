package io.rppg.adapter.storage.filesystem;

import io.rppg.application.port.out.DirectUploadPort;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.time.Duration;

/** Videos on this node's file system: no client can put one there but through the platform's own upload. */
public final class FileSystemDirectUploadAdapter implements DirectUploadPort {

    static final String REASON = "Direct upload needs object storage, and this platform keeps videos on its own "
            + "file system: upload the video to /api/v1/scan-session/{id}/video instead";

    @Override
    public Grant grant(TenantId tenant, ScanSessionId session, long size, String contentType, Duration validity) {
        return new Grant.Unavailable(REASON);
    }

    @Override
    public Claim claim(TenantId tenant, ScanSessionId session, long maxBytes) {
        return new Claim.Unavailable(REASON);
    }

    @Override
    public void forget(TenantId tenant, ScanSessionId session) {
        // nothing can have been put
    }
}
