package io.rppg.adapter.persistence.tenant;

import io.rppg.application.port.out.TenantDomainPort;
import io.rppg.domain.tenant.HostName;
import io.rppg.domain.tenant.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Component
class JdbcTenantDomainAdapter implements TenantDomainPort {

    private final JdbcTemplate jdbc;

    JdbcTenantDomainAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(TenantId tenant, HostName host, Instant now) {
        jdbc.update("INSERT INTO tenant_domains (tenant_id, host_name, created_at) VALUES (?, ?, ?)",
                tenant.value(), host.value(), Timestamp.from(now));
    }

    @Override
    public List<HostName> findByTenant(TenantId tenant) {
        return jdbc.query("SELECT host_name FROM tenant_domains WHERE tenant_id = ? ORDER BY host_name",
                (rs, row) -> new HostName(rs.getString(1)), tenant.value());
    }

    @Override
    public Optional<TenantId> ownerOf(HostName host) {
        return jdbc.query("SELECT tenant_id FROM tenant_domains WHERE host_name = ?",
                (rs, row) -> new TenantId(rs.getObject(1, UUID.class)), host.value()).stream().findFirst();
    }
}
