package io.rppg.bootstrap.wiring;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.rppg.adapter.persistence.job.DbSchedulerJobQueueAdapter;
import io.rppg.adapter.persistence.job.ProcessScanTask;
import io.rppg.adapter.persistence.job.VideoSweepTask;
import io.rppg.adapter.persistence.video.FileSystemVideoStorageAdapter;
import io.rppg.adapter.signal.probe.FfmpegVideoProbeAdapter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rppg.application.port.in.ProcessScanJobUseCase;
import io.rppg.bootstrap.metrics.MeteredScanJobs;
import io.rppg.application.port.in.SweepVideosUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.JobQueuePort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.SignalEnginePort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.VideoProbePort;
import io.rppg.application.port.out.VideoStoragePort;
import io.rppg.application.service.ProcessScanJobService;
import io.rppg.application.service.ScanHistoryService;
import io.rppg.application.service.SubmitVideoService;
import io.rppg.application.service.VideoSweepService;
import io.rppg.application.service.webhook.ScanEventNotifier;
import io.rppg.bootstrap.RppgProperties;
import io.rppg.domain.job.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The scan pipeline: uploads into video storage, the job queue on db-scheduler, and the worker that analyses.
 *
 * <p>Every change of a session's status (accepted, completed, failed) is handed to the {@link ScanEventNotifier}
 * inside the transaction that makes it, so the webhook deliveries are stored if and only if the change is.
 *
 * <p>Beans: {@code submitVideoService} ({@code SubmitVideoUseCase}), {@code scanHistoryService}
 * ({@code ListScanSessionsQuery}, {@code GetTenantUsageQuery}), {@code processScanJobService}
 * ({@code ProcessScanJobUseCase}), {@code videoSweepService} ({@code SweepVideosUseCase}), {@code videoStorage},
 * {@code videoProbe}, {@code scanJobQueue}, the db-scheduler tasks {@code processScanTask} and
 * {@code videoSweepTask}, and {@code scanRetryPolicy}.
 */
@Configuration(proxyBeanMethods = false)
public class ScanPipelineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScanPipelineConfiguration.class);

    @Bean
    RetryPolicy scanRetryPolicy(ScanPipelineProperties properties) {
        return properties.retry().policy();
    }

    @Bean
    FileSystemVideoStorageAdapter videoStorage(RppgProperties properties) {
        return new FileSystemVideoStorageAdapter(properties.dataDir().resolve("videos"));
    }

    @Bean
    FfmpegVideoProbeAdapter videoProbe() {
        return new FfmpegVideoProbeAdapter();
    }

    @Bean
    ProcessScanTask processScanTask(ProcessScanJobUseCase processScanJob, RetryPolicy scanRetryPolicy,
                                    MeterRegistry meters, ClockPort clock) {
        return new ProcessScanTask(new MeteredScanJobs(processScanJob, meters, clock), scanRetryPolicy);
    }

    @Bean
    DbSchedulerJobQueueAdapter scanJobQueue(SchedulerClient scheduler, ProcessScanTask processScanTask) {
        return new DbSchedulerJobQueueAdapter(scheduler, processScanTask);
    }

    @Bean
    SubmitVideoService submitVideoService(ScanSessionPort sessions, TenantPort tenants, PlanPort plans,
                                          VideoStoragePort videoStorage, VideoProbePort videoProbe,
                                          JobQueuePort jobs, TransactionPort transactions, ClockPort clock,
                                          ScanEventNotifier scanEvents) {
        return new SubmitVideoService(sessions, tenants, plans, videoStorage, videoProbe, jobs, transactions, clock,
                scanEvents::scanChanged);
    }

    @Bean
    ProcessScanJobService processScanJobService(ScanSessionPort sessions, ScanQuotaPort quotas, TenantPort tenants,
                                                PlanPort plans, VideoStoragePort videoStorage,
                                                SignalEnginePort engine,
                                                TransactionPort transactions, ClockPort clock,
                                                RetryPolicy scanRetryPolicy, ScanEventNotifier scanEvents) {
        return new ProcessScanJobService(sessions, quotas, tenants, plans, videoStorage,
                engine, transactions, clock, scanRetryPolicy,
                scanEvents::scanChanged);
    }

    @Bean
    ScanHistoryService scanHistoryService(ScanSessionPort sessions, ScanQuotaPort quotas, TenantPort tenants,
                                          PlanPort plans, TransactionPort transactions, ClockPort clock) {
        return new ScanHistoryService(sessions, quotas, tenants, plans, transactions, clock);
    }

    @Bean
    VideoSweepService videoSweepService(VideoStoragePort videoStorage, ScanSessionPort sessions, TenantPort tenants,
                                        PlanPort plans, TransactionPort transactions, ClockPort clock) {
        return new VideoSweepService(videoStorage, sessions, tenants, plans, transactions, clock);
    }

    @Bean
    RecurringTask<Void> videoSweepTask(SweepVideosUseCase videoSweep, ScanPipelineProperties properties) {
        return VideoSweepTask.create(videoSweep, properties.sweep().interval(), properties.sweep().grace());
    }

    /** {@code rppg.scan.worker.enabled: false}: the scheduler only queues jobs; other nodes run them. */
    @Bean
    @ConditionalOnProperty(prefix = "rppg.scan.worker", name = "enabled", havingValue = "false")
    DbSchedulerStarter queueOnlyScheduler() {
        return () -> log.info("rppg.scan.worker.enabled is false: this node queues scan jobs but does not run them");
    }

    /** Without {@code db-scheduler.threads}, a node runs as many analyses at once as it has processor cores. */
    @Bean
    static BeanPostProcessor workerThreadsDefault(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DbSchedulerProperties properties
                        && !environment.containsProperty("db-scheduler.threads")) {
                    properties.setThreads(Runtime.getRuntime().availableProcessors());
                }
                return bean;
            }
        };
    }
}
