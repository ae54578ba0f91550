package io.rppg.application.fakes;

import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Clients' metadata per tenant and session, kept as the text it was given. */
public final class InMemoryScanMetadataPort implements ScanMetadataPort {

    private record Key(TenantId tenant, ScanSessionId session) {
    }

    private final Map<Key, String> metadata = new HashMap<>();

    @Override
    public synchronized void save(TenantId tenant, ScanSessionId session, String json) {
        metadata.put(new Key(tenant, session), json);
    }

    @Override
    public synchronized Optional<String> find(TenantId tenant, ScanSessionId session) {
        return Optional.ofNullable(metadata.get(new Key(tenant, session)));
    }
}
