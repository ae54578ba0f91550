package io.rppg.adapter.jobs.scan;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.rppg.application.port.in.ProcessScanJobUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.domain.job.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Optional;

/**
 * The scan queue on db-scheduler: the {@code process-scan} task that runs the worker's use case, measured, and the
 * queue port that schedules it.
 *
 * <p>{@code rppg.scan.worker.enabled: false} makes a node queue jobs without running them; without
 * {@code db-scheduler.threads} a node runs as many analyses at once as it has processor cores.
 */
@Configuration(proxyBeanMethods = false)
class ScanJobsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScanJobsConfiguration.class);

    @Bean
    ProcessScanTask processScanTask(ProcessScanJobUseCase processScanJob, RetryPolicy scanRetryPolicy,
                                    MeterRegistry meters, ClockPort clock) {
        return new ProcessScanTask(new MeteredScanJobs(processScanJob, meters, clock), scanRetryPolicy);
    }

    @Bean
    DbSchedulerJobQueueAdapter scanJobQueue(SchedulerClient scheduler, ProcessScanTask processScanTask) {
        return new DbSchedulerJobQueueAdapter(scheduler, processScanTask);
    }

    /** Task data is stored in a form of its own, readable whatever package its class lives in. */
    @Bean
    DbSchedulerCustomizer taskDataSerializer() {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(new TaskDataSerializer());
            }
        };
    }

    @Bean
    @ConditionalOnProperty(prefix = "rppg.scan.worker", name = "enabled", havingValue = "false")
    DbSchedulerStarter queueOnlyScheduler() {
        return () -> log.info("rppg.scan.worker.enabled is false: this node queues scan jobs but does not run them");
    }

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
