package io.rppg.application.pipeline;

import io.rppg.application.pipeline.InMemoryVideoStorage.CountingStream;
import io.rppg.application.port.in.SubmitVideoUseCase.Command;
import io.rppg.application.port.in.SubmitVideoUseCase.SubmissionResult;
import io.rppg.application.port.out.VideoProbePort;
import io.rppg.application.service.SubmitVideoService;
import io.rppg.domain.job.JobStatus;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.rppg.application.pipeline.PipelineFixture.NOW;
import static io.rppg.application.pipeline.PipelineFixture.OTHER_TENANT;
import static io.rppg.application.pipeline.PipelineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmitVideoServiceTest {

    private static final long ONE_MB = 1024L * 1024L;

    private final PipelineFixture world = new PipelineFixture();
    private final ScriptedProbe probe = new ScriptedProbe(world.storage);
    private final RecordingJobQueue jobs = new RecordingJobQueue(world.transactions);
    private final RecordingScanMetadata metadata = new RecordingScanMetadata(world.transactions);
    private final SubmitVideoService service = new SubmitVideoService(world.sessions, world.tenants, world.plans,
            world.storage, probe, jobs, world.transactions, world.clock, changed -> { }, metadata);

    @Test
    void anAcceptedVideoMovesTheSessionToProcessingAndQueuesItsJobInTheSameTenantTransaction() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));

        var result = submit(session.id(), Videos.mp4(4096));

        assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
        var accepted = ((SubmissionResult.Accepted) result).session();
        assertThat(accepted.status()).isEqualTo(ScanStatus.PROCESSING);
        assertThat(accepted.videoReceivedAt()).isEqualTo(NOW);
        assertThat(world.stored(session).status()).isEqualTo(ScanStatus.PROCESSING);
        assertThat(jobs.queued()).singleElement().satisfies(queued -> {
            assertThat(queued.job().sessionId()).isEqualTo(session.id());
            assertThat(queued.job().tenantId()).isEqualTo(TENANT);
            assertThat(queued.job().status()).isEqualTo(JobStatus.QUEUED);
            assertThat(queued.job().runAfter()).isEqualTo(NOW);
            assertThat(queued.transactionTenant()).isEqualTo(TENANT);
        });
        assertThat(world.storage.find(TENANT, session.id())).isPresent();
        assertThat(probe.probes()).isEqualTo(1);
    }

    @Test
    void theClientsMetadataIsKeptInTheAcceptingTransaction() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));

        var result = service.submitVideo(new Command(TENANT, session.id(), new CountingStream(Videos.mp4(4096)),
                "video/webm", "recording.webm", "{\"patient\":\"p-17\"}"));

        assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
        assertThat(metadata.kept()).singleElement().isEqualTo(
                new RecordingScanMetadata.Kept(session.id(), "{\"patient\":\"p-17\"}", TENANT));
    }

    @Test
    void metadataThatCannotBeKeptLeavesTheSessionWaitingForItsVideo() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));
        metadata.failWith(new IllegalStateException("the metadata could not be stored"));

        assertThatThrownBy(() -> service.submitVideo(new Command(TENANT, session.id(),
                new CountingStream(Videos.mp4(4096)), "video/webm", "recording.webm", "{}")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(world.stored(session).status()).isEqualTo(ScanStatus.PENDING);
        assertThat(jobs.queued()).isEmpty();
        assertThat(world.storage.find(TENANT, session.id())).isEmpty();
    }

    @Test
    void anUploadRefusedKeepsNoMetadata() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));

        var result = service.submitVideo(new Command(TENANT, session.id(), new CountingStream(Videos.text()),
                "video/webm", "recording.webm", "{\"patient\":\"p-17\"}"));

        assertThat(result).isInstanceOf(SubmissionResult.UnsupportedFormat.class);
        assertThat(metadata.kept()).isEmpty();
    }

    @Test
    void anUnknownSessionIsNotFoundAndNothingIsReadFromTheUpload() {
        var stream = new CountingStream(Videos.mp4(4096));

        var result = service.submitVideo(new Command(TENANT,
                ScanSessionId.issue(NOW, "nosuchsession"), stream, "video/mp4", "scan.mp4"));

        assertThat(result).isInstanceOf(SubmissionResult.SessionNotFound.class);
        assertThat(stream.bytesRead()).isZero();
        assertThat(world.storage.count()).isZero();
    }

    @Test
    void anotherTenantsSessionIsNotFound() {
        var theirs = world.pendingSession(OTHER_TENANT, NOW.minusSeconds(60));

        var result = service.submitVideo(new Command(TENANT, theirs.id(),
                new CountingStream(Videos.mp4(4096)), "video/mp4", null));

        assertThat(result).isInstanceOf(SubmissionResult.SessionNotFound.class);
        assertThat(world.stored(theirs).status()).isEqualTo(ScanStatus.PENDING);
        assertThat(jobs.queued()).isEmpty();
    }

    @Test
    void anExpiredSessionIsNotFound() {
        var old = world.pendingSession(TENANT, NOW.minus(ScanSession.LIFETIME).minusSeconds(1));

        assertThat(submit(old.id(), Videos.mp4(4096))).isInstanceOf(SubmissionResult.SessionNotFound.class);
        assertThat(world.storage.count()).isZero();
    }

    @Test
    void aSecondUploadIsRefusedAndQueuesNothingMore() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));
        submit(session.id(), Videos.mp4(4096));
        var second = new CountingStream(Videos.mp4(4096));

        var result = service.submitVideo(new Command(TENANT, session.id(), second, "video/mp4", "again.mp4"));

        assertThat(result).isInstanceOf(SubmissionResult.VideoAlreadySubmitted.class);
        assertThat(second.bytesRead()).isZero();
        assertThat(jobs.queued()).hasSize(1);
    }

    @Test
    void ofTwoUploadsRacingForOneSessionTheFirstAcceptedWinsAndTheOtherLeavesNoFile() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));
        var winner = Videos.mp4(2048);
        var racing = new SubmissionResult[1];
        // While the loser is probed, the winner streams in, is probed and accepted.
        VideoProbePort slowProbe = path -> {
            if (racing[0] == null) {
                racing[0] = submit(session.id(), winner);
            }
            return probe.probe(path);
        };
        var loserService = new SubmitVideoService(world.sessions, world.tenants, world.plans, world.storage,
                slowProbe, jobs, world.transactions, world.clock, changed -> { }, metadata);

        var loser = loserService.submitVideo(new Command(TENANT, session.id(),
                new CountingStream(Videos.mp4(4096)), "video/mp4", "scan.mp4"));

        assertThat(loser).isInstanceOf(SubmissionResult.VideoAlreadySubmitted.class);
        assertThat(racing[0]).isInstanceOf(SubmissionResult.Accepted.class);
        assertThat(world.storage.count()).isEqualTo(1);
        assertThat(world.storage.bytes(world.storage.find(TENANT, session.id()).orElseThrow())).isEqualTo(winner);
        assertThat(jobs.queued()).hasSize(1);
    }

    @Test
    void anUploadOverThePlansLimitIsRefusedReadingAtMostOneByteTooManyAndLeavesNothing() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));
        var stream = new CountingStream(Videos.mp4((int) (3 * ONE_MB)));

        var result = service.submitVideo(new Command(TENANT, session.id(), stream, "video/mp4", "big.mp4"));

        assertThat(result).isEqualTo(new SubmissionResult.TooLarge(ONE_MB));
        assertThat(stream.bytesRead()).isEqualTo(ONE_MB + 1);
        assertThat(world.storage.count()).isZero();
        assertThat(world.stored(session).status()).isEqualTo(ScanStatus.PENDING);
        assertThat(jobs.queued()).isEmpty();
    }

    @Test
    void anUploadOfExactlyTheLimitIsAccepted() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));

        assertThat(submit(session.id(), Videos.mp4((int) ONE_MB))).isInstanceOf(SubmissionResult.Accepted.class);
    }

    @Test
    void contentThatIsNoVideoByItsBytesIsUnsupportedWhateverItsNameAndType() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));

        var result = service.submitVideo(new Command(TENANT, session.id(),
                new CountingStream(Videos.text()), "video/mp4", "scan.mp4"));

        assertThat(result).isInstanceOf(SubmissionResult.UnsupportedFormat.class);
        assertThat(world.storage.count()).isZero();
        assertThat(world.stored(session).status()).isEqualTo(ScanStatus.PENDING);
        assertThat(jobs.queued()).isEmpty();
    }

    @Test
    void aContainerThatCannotBeOpenedIsUnreadableAndLeavesNothing() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));

        var result = submit(session.id(), Videos.truncatedMp4());

        assertThat(result).isEqualTo(new SubmissionResult.Unreadable("moov atom not found"));
        assertThat(world.storage.count()).isZero();
        assertThat(world.stored(session).status()).isEqualTo(ScanStatus.PENDING);
        assertThat(jobs.queued()).isEmpty();
    }

    @Test
    void whenTheJobCannotBeQueuedTheAcceptanceIsUndoneAndTheVideoDeleted() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));
        jobs.failWith(new IllegalStateException("queue is down"));

        assertThatThrownBy(() -> submit(session.id(), Videos.mp4(4096))).hasMessage("queue is down");

        assertThat(world.stored(session).status()).isEqualTo(ScanStatus.PENDING);
        assertThat(world.storage.count()).isZero();
    }

    @Test
    void aSessionThatExpiresWhileItsVideoStreamsInIsNotFoundAndTheVideoIsDeleted() {
        var session = world.pendingSession(TENANT, NOW.minus(ScanSession.LIFETIME).plusSeconds(1));
        var slowUpload = new CountingStream(Videos.mp4(4096)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                world.clock.advance(Duration.ofSeconds(5));
                return super.read(b, off, len);
            }
        };

        var result = service.submitVideo(new Command(TENANT, session.id(), slowUpload, "video/mp4", null));

        assertThat(result).isInstanceOf(SubmissionResult.SessionNotFound.class);
        assertThat(world.storage.count()).isZero();
        assertThat(jobs.queued()).isEmpty();
    }

    private SubmissionResult submit(ScanSessionId id, byte[] bytes) {
        return service.submitVideo(new Command(TENANT, id, new CountingStream(bytes), "video/mp4", "scan.mp4"));
    }
}
