package io.rppg.adapter.persistence.job;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.rppg.application.port.in.SweepVideosUseCase;

import java.time.Duration;

/** A recurring db-scheduler task, run by one node of the cluster at a time, that sweeps unneeded videos. */
public final class VideoSweepTask {

    public static final String NAME = "sweep-videos";

    private VideoSweepTask() {
    }

    public static RecurringTask<Void> create(SweepVideosUseCase sweep, Duration interval, Duration grace) {
        return Tasks.recurring(NAME, FixedDelay.of(interval))
                .execute((instance, context) -> sweep.sweepVideos(grace));
    }
}
