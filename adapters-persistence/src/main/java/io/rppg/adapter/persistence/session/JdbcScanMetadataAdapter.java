package io.rppg.adapter.persistence.session;

import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class JdbcScanMetadataAdapter implements ScanMetadataPort {

    private final JdbcTemplate jdbc;

    JdbcScanMetadataAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(TenantId tenant, ScanSessionId session, String json) {
        jdbc.update("""
                        INSERT INTO scan_metadata (tenant_id, session_id, metadata) VALUES (?, ?, ?::jsonb)
                        ON CONFLICT (tenant_id, session_id) DO UPDATE SET metadata = EXCLUDED.metadata
                        """,
                tenant.value(), session.value(), json);
    }

    @Override
    public Optional<String> find(TenantId tenant, ScanSessionId session) {
        return jdbc.query("SELECT metadata::text FROM scan_metadata WHERE tenant_id = ? AND session_id = ?",
                (rs, row) -> rs.getString(1), tenant.value(), session.value()).stream().findFirst();
    }
}
