package io.rppg.application.port.in;

import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.util.Optional;

/**
 * A client keeps its own data (a JSON object) with a scan, given with its video ({@link SubmitVideoUseCase}), and
 * gets it back with the results.
 */
public interface ScanClientMetadataUseCase {

    /** The most characters of JSON a client may keep with one scan. */
    int MAX_CHARACTERS = 16_384;

    Optional<String> metadataOf(TenantId tenant, ScanSessionId session);
}
