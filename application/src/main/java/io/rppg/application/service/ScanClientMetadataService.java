package io.rppg.application.service;

import io.rppg.application.port.in.ScanClientMetadataUseCase;
import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.util.Optional;

/** Reads back the client metadata kept with a scan's accepted video. */
public final class ScanClientMetadataService implements ScanClientMetadataUseCase {

    private final ScanMetadataPort metadata;
    private final TransactionPort transactions;

    public ScanClientMetadataService(ScanMetadataPort metadata, TransactionPort transactions) {
        this.metadata = metadata;
        this.transactions = transactions;
    }

    @Override
    public Optional<String> metadataOf(TenantId tenant, ScanSessionId session) {
        return transactions.inTenantTransaction(tenant, () -> metadata.find(tenant, session));
    }
}
