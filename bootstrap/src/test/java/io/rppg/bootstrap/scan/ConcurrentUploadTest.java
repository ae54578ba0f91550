package io.rppg.bootstrap.scan;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.rppg.adapter.signal.fixture.UnusableVideos;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads racing for one session over HTTP: exactly one is accepted, every other is told the session already has
 * its video, and the video kept (and queued once) is the accepted upload's, not whichever was written last.
 */
class ConcurrentUploadTest extends ScanFlowTest {

    private static final int UPLOADS = 40;
    private static final int ROUNDS = 3;

    @Autowired
    private Scheduler localScheduler;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void ofFortyConcurrentUploadsToOneSessionExactlyOneIsAcceptedAndOnlyItsVideoIsKeptAndQueued() throws Exception {
        // Nothing is analysed while the rounds run, so each round can see the accepted video and its one job.
        localScheduler.pause();
        var tenant = api.createTenant();
        var room = Files.readAllBytes(UnusableVideos.emptyRoom(fixtureDir().resolve("empty-room-race.mp4")));
        var sessions = new ArrayList<String>();
        var pool = Executors.newFixedThreadPool(UPLOADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                var sessionId = openV1Session(tenant.apiKey());
                sessions.add(sessionId);
                var uploads = new ArrayList<byte[]>();
                for (int i = 0; i < UPLOADS; i++) {
                    uploads.add(withFreeBox(room, "round " + round + " upload " + i));
                }
                var start = new CountDownLatch(1);
                var answers = new ArrayList<Future<ScanApi.Response>>();
                for (var upload : uploads) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return uploadV1(tenant.apiKey(), sessionId, "race.mp4", "video/mp4", upload);
                    }));
                }
                start.countDown();

                var accepted = new ArrayList<Integer>();
                for (int i = 0; i < UPLOADS; i++) {
                    var response = answers.get(i).get(120, TimeUnit.SECONDS);
                    if (response.status() == 202) {
                        accepted.add(i);
                    } else {
                        assertThat(response.status()).as("round %d: %s", round, response).isEqualTo(409);
                        assertThat(response.text("code")).isEqualTo("VIDEO_ALREADY_SUBMITTED");
                    }
                }
                assertThat(accepted).as("uploads accepted in round %d", round).hasSize(1);
                var files = storedFilesOf(tenant.id(), sessionId);
                assertThat(files).as("files of the session in round %d", round).hasSize(1);
                assertThat(Files.readAllBytes(files.get(0))).as("the kept video is the accepted upload's")
                        .isEqualTo(uploads.get(accepted.get(0)));
                assertThat(queuedJobsOf(tenant.id(), sessionId)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
            localScheduler.resume();
        }
        for (var sessionId : sessions) {
            var done = awaitFinishedV1(tenant.apiKey(), sessionId);
            assertThat(done.path("error_code").asString()).as(done.toString()).isEqualTo("NO_FACE_DETECTED");
            assertThat(storedFilesOf(tenant.id(), sessionId)).isEmpty();
        }
    }

    private int queuedJobsOf(String tenantId, String sessionId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'process-scan' AND task_instance = ?",
                Integer.class, tenantId + ":" + sessionId);
    }

    /**
     * The MP4 with a top-level {@code free} box appended, which players and FFmpeg skip: the same video in
     * different bytes, so the test can tell which upload's file was kept.
     */
    private static byte[] withFreeBox(byte[] mp4, String text) {
        var payload = text.getBytes(StandardCharsets.US_ASCII);
        var out = new ByteArrayOutputStream();
        out.writeBytes(mp4);
        out.writeBytes(ByteBuffer.allocate(8).putInt(8 + payload.length)
                .put("free".getBytes(StandardCharsets.US_ASCII)).array());
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
