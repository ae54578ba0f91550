package io.rppg.adapter.jobs.sweep;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.rppg.application.port.in.SweepUseCase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * A recurring db-scheduler task, run by one node of the cluster at a time, that sweeps away what nothing needs any
 * more (see {@link SweepUseCase}): every {@code rppg.scan.sweep.interval} (1 h), files older than
 * {@code rppg.scan.sweep.grace} (1 h).
 */
@Configuration(proxyBeanMethods = false)
class HourlySweepConfiguration {

    /** The name the task has always had in db-scheduler's table, kept so that running clusters find it again. */
    static final String NAME = "sweep-videos";

    @Bean
    RecurringTask<Void> hourlySweepTask(SweepUseCase sweep,
                                       @Value("${rppg.scan.sweep.interval:1h}") Duration interval,
                                       @Value("${rppg.scan.sweep.grace:1h}") Duration grace) {
        return Tasks.recurring(NAME, FixedDelay.of(interval))
                .execute((instance, context) -> sweep.sweep(grace));
    }
}
