package io.rppg.application.service;

import io.rppg.application.port.in.ScanClientMetadataUseCase;
import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.util.Optional;

/** Client metadata, at most {@value #MAX_CHARACTERS} characters of JSON per scan. */
public final class ScanClientMetadataService implements ScanClientMetadataUseCase {

    private final ScanMetadataPort metadata;
    private final ScanSessionPort sessions;
    private final TransactionPort transactions;

    public ScanClientMetadataService(ScanMetadataPort metadata, ScanSessionPort sessions,
                                     TransactionPort transactions) {
        this.metadata = metadata;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    @Override
    public boolean keepMetadata(TenantId tenant, ScanSessionId session, String json) {
        if (json == null || json.length() > MAX_CHARACTERS) {
            throw new IllegalArgumentException("metadata must be at most " + MAX_CHARACTERS + " characters of JSON");
        }
        return transactions.inTenantTransaction(tenant, () -> {
            if (sessions.findById(tenant, session).isEmpty()) {
                return false;
            }
            metadata.save(tenant, session, json);
            return true;
        });
    }

    @Override
    public Optional<String> metadataOf(TenantId tenant, ScanSessionId session) {
        return transactions.inTenantTransaction(tenant, () -> metadata.find(tenant, session));
    }
}
