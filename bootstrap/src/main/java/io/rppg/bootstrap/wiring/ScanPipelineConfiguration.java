package io.rppg.bootstrap.wiring;

import io.rppg.application.port.in.RecordScanEventUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.DirectUploadPort;
import io.rppg.application.port.out.JobQueuePort;
import io.rppg.application.port.out.LoginThrottlePort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.RefreshTokenPort;
import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.SignalEnginePort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.VideoProbePort;
import io.rppg.application.port.out.VideoStoragePort;
import io.rppg.application.port.out.WebhookDeliveryPort;
import io.rppg.application.service.DirectUploadService;
import io.rppg.application.service.HousekeepingService;
import io.rppg.application.service.ProcessScanJobService;
import io.rppg.application.service.ScanHistoryService;
import io.rppg.application.service.SubmitVideoService;
import io.rppg.domain.job.RetryPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The scan pipeline's use cases: uploads, the worker's analysis, history and the sweep. The adapters they run on
 * (video storage, probe, engine, the job queue) are wired by their own modules.
 *
 * <p>Every change of a session's status (accepted, completed, failed) is recorded as a scan event inside the
 * transaction that makes it, so the webhook deliveries are stored if and only if the change is.
 */
@Configuration(proxyBeanMethods = false)
public class ScanPipelineConfiguration {

    @Bean
    RetryPolicy scanRetryPolicy(ScanPipelineProperties properties) {
        return properties.retry().policy();
    }

    @Bean
    SubmitVideoService submitVideoService(ScanSessionPort sessions, TenantPort tenants, PlanPort plans,
                                          VideoStoragePort videoStorage, VideoProbePort videoProbe,
                                          JobQueuePort jobs, TransactionPort transactions, ClockPort clock,
                                          RecordScanEventUseCase scanEvents, ScanMetadataPort metadata) {
        return new SubmitVideoService(sessions, tenants, plans, videoStorage, videoProbe, jobs, transactions, clock,
                scanEvents, metadata);
    }

    /** Upload URLs of a direct upload are valid for {@code rppg.storage.direct-upload-validity}, 15 minutes unset. */
    @Bean
    DirectUploadService directUploadService(ScanSessionPort sessions, TenantPort tenants, PlanPort plans,
                                            VideoStoragePort videoStorage, DirectUploadPort directUpload,
                                            VideoProbePort videoProbe, JobQueuePort jobs,
                                            TransactionPort transactions, ClockPort clock,
                                            RecordScanEventUseCase scanEvents, ScanMetadataPort metadata,
                                            @Value("${rppg.storage.direct-upload-validity:PT15M}") Duration validity) {
        return new DirectUploadService(sessions, tenants, plans, videoStorage, directUpload, videoProbe, jobs,
                transactions, clock, scanEvents, metadata, validity);
    }

    @Bean
    ProcessScanJobService processScanJobService(ScanSessionPort sessions, ScanQuotaPort quotas, TenantPort tenants,
                                                PlanPort plans, VideoStoragePort videoStorage,
                                                SignalEnginePort engine, TransactionPort transactions,
                                                ClockPort clock, RetryPolicy scanRetryPolicy,
                                                RecordScanEventUseCase scanEvents) {
        return new ProcessScanJobService(sessions, quotas, tenants, plans, videoStorage, engine, transactions, clock,
                scanRetryPolicy, scanEvents);
    }

    @Bean
    ScanHistoryService scanHistoryService(ScanSessionPort sessions, ScanQuotaPort quotas, TenantPort tenants,
                                          PlanPort plans, TransactionPort transactions, ClockPort clock) {
        return new ScanHistoryService(sessions, quotas, tenants, plans, transactions, clock);
    }

    /** The hourly sweep: the pipeline's leftovers, and expired login throttles, refresh tokens and deliveries. */
    @Bean
    HousekeepingService housekeepingService(VideoStoragePort videoStorage, ScanSessionPort sessions,
                                            TenantPort tenants, PlanPort plans, LoginThrottlePort throttles,
                                            RefreshTokenPort refreshTokens, WebhookDeliveryPort deliveries,
                                            TransactionPort transactions, ClockPort clock) {
        return new HousekeepingService(videoStorage, sessions, tenants, plans, throttles, refreshTokens, deliveries,
                transactions, clock);
    }
}
