package io.rppg.adapter.persistence.tenant;

import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "plans")
class PlanEntity {

    @Id
    private UUID id;
    private String name;
    @Column(name = "monthly_scans")
    private int monthlyScans;
    @Column(name = "requests_per_minute")
    private int requestsPerMinute;
    @Column(name = "max_open_sessions")
    private int maxOpenSessions;
    @Column(name = "max_upload_mb")
    private int maxUploadMegabytes;
    @Column(name = "retain_video")
    private boolean retainVideo;

    protected PlanEntity() {
    }

    static PlanEntity from(Plan plan) {
        var entity = new PlanEntity();
        entity.id = plan.id().value();
        entity.name = plan.name();
        entity.monthlyScans = plan.monthlyScans();
        entity.requestsPerMinute = plan.requestsPerMinute();
        entity.maxOpenSessions = plan.maxOpenSessions();
        entity.maxUploadMegabytes = plan.maxUploadMegabytes();
        entity.retainVideo = plan.retainVideo();
        return entity;
    }

    Plan toDomain() {
        return new Plan(new PlanId(id), name, monthlyScans, requestsPerMinute, maxOpenSessions,
                maxUploadMegabytes, retainVideo);
    }
}
