package io.rppg.adapter.persistence.tenant;

import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.tenant.TenantStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tenants")
class TenantEntity {

    @Id
    private UUID id;
    private String name;
    @Column(name = "plan_id")
    private UUID planId;
    @Enumerated(EnumType.STRING)
    private TenantStatus status;
    @Column(name = "created_at")
    private Instant createdAt;

    protected TenantEntity() {
    }

    static TenantEntity from(Tenant tenant) {
        var entity = new TenantEntity();
        entity.id = tenant.id().value();
        entity.name = tenant.name();
        entity.planId = tenant.planId().value();
        entity.status = tenant.status();
        entity.createdAt = tenant.createdAt();
        return entity;
    }

    Tenant toDomain() {
        return new Tenant(new TenantId(id), name, new PlanId(planId), status, createdAt);
    }
}
