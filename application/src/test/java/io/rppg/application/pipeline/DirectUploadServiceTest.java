package io.rppg.application.pipeline;

import io.rppg.application.port.in.DirectUploadUseCase.Completion;
import io.rppg.application.port.in.DirectUploadUseCase.OfferCommand;
import io.rppg.application.port.in.DirectUploadUseCase.UploadOffer;
import io.rppg.application.port.in.SubmitVideoUseCase.SubmissionResult;
import io.rppg.application.port.out.DirectUploadPort;
import io.rppg.application.port.out.VideoStoragePort.StoreResult;
import io.rppg.application.service.DirectUploadService;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.rppg.application.pipeline.PipelineFixture.NOW;
import static io.rppg.application.pipeline.PipelineFixture.OTHER_TENANT;
import static io.rppg.application.pipeline.PipelineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

class DirectUploadServiceTest {

    private static final long ONE_MB = 1024L * 1024L;
    private static final Duration VALIDITY = Duration.ofMinutes(15);

    private final PipelineFixture world = new PipelineFixture();
    private final ScriptedProbe probe = new ScriptedProbe(world.storage);
    private final RecordingJobQueue jobs = new RecordingJobQueue(world.transactions);
    private final ObjectStorePlaces places = new ObjectStorePlaces();
    private final DirectUploadService service = new DirectUploadService(world.sessions, world.tenants, world.plans,
            world.storage, places, probe, jobs, world.transactions, world.clock, changed -> { },
            new RecordingScanMetadata(world.transactions), VALIDITY);

    @Test
    void aWaitingSessionIsOfferedAUrlWithinThePlansLimit() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));

        var offer = service.offerUpload(new OfferCommand(TENANT, session.id(), 5000, "Video/MP4"));

        assertThat(offer).isEqualTo(new UploadOffer.Offered("https://store.example/" + session.id().value(),
                Map.of("content-type", "video/mp4"), 5000, NOW.plus(VALIDITY), ONE_MB));
        assertThat(service.offerUpload(new OfferCommand(TENANT, session.id(), ONE_MB + 1, "video/mp4")))
                .isEqualTo(new UploadOffer.Refused(new SubmissionResult.TooLarge(ONE_MB)));
        assertThat(service.offerUpload(new OfferCommand(TENANT, session.id(), 5000, "text/plain")))
                .isInstanceOf(UploadOffer.InvalidRequest.class);
        assertThat(service.offerUpload(new OfferCommand(TENANT, session.id(), 0, "video/mp4")))
                .isInstanceOf(UploadOffer.InvalidRequest.class);
        assertThat(service.offerUpload(new OfferCommand(OTHER_TENANT, session.id(), 5000, "video/mp4")))
                .isEqualTo(new UploadOffer.Refused(new SubmissionResult.SessionNotFound()));
    }

    @Test
    void aCompletedUploadIsAcceptedAndQueuedAsAStreamedOne() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));
        places.put(TENANT, session.id(), Videos.mp4(4096));

        var completion = service.completeUpload(TENANT, session.id());

        assertThat(completion).isInstanceOf(Completion.Accepted.class);
        assertThat(world.stored(session).status()).isEqualTo(ScanStatus.PROCESSING);
        assertThat(jobs.queued()).singleElement().satisfies(q -> assertThat(q.job().sessionId()).isEqualTo(session.id()));
        assertThat(world.storage.find(TENANT, session.id())).isPresent();
        assertThat(probe.probes()).isEqualTo(1);
        assertThat(service.completeUpload(TENANT, session.id()))
                .isEqualTo(new Completion.Refused(new SubmissionResult.VideoAlreadySubmitted()));
    }

    @Test
    void nothingPutLeavesTheSessionWaiting() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));

        assertThat(service.completeUpload(TENANT, session.id())).isEqualTo(new Completion.NothingUploaded());
        assertThat(world.stored(session).status()).isEqualTo(ScanStatus.PENDING);
        assertThat(jobs.queued()).isEmpty();
    }

    @Test
    void aRefusedCompletionKeepsNothing() {
        var unreadable = world.pendingSession(TENANT, NOW.minusSeconds(60));
        places.put(TENANT, unreadable.id(), Videos.truncatedMp4());
        var processing = world.processingSession(TENANT, NOW.minusSeconds(120));
        places.put(TENANT, processing.id(), Videos.mp4(4096));

        assertThat(service.completeUpload(TENANT, unreadable.id())).isInstanceOf(Completion.Refused.class);
        assertThat(service.completeUpload(TENANT, processing.id()))
                .isEqualTo(new Completion.Refused(new SubmissionResult.VideoAlreadySubmitted()));

        assertThat(places.count()).isZero();
        assertThat(world.storage.find(TENANT, unreadable.id())).isEmpty();
        assertThat(world.stored(unreadable).status()).isEqualTo(ScanStatus.PENDING);
        assertThat(jobs.queued()).isEmpty();
    }

    @Test
    void aStoreWithoutDirectUploadsSaysSo() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));
        places.available = false;

        assertThat(service.offerUpload(new OfferCommand(TENANT, session.id(), 5000, "video/mp4")))
                .isInstanceOf(UploadOffer.Unavailable.class);
        assertThat(service.completeUpload(TENANT, session.id())).isInstanceOf(Completion.Unavailable.class);
    }

    /** One place per session in a pretend object store; a claim streams what was put into the in-memory storage. */
    private final class ObjectStorePlaces implements DirectUploadPort {

        private final Map<String, byte[]> objects = new HashMap<>();
        boolean available = true;

        void put(TenantId tenant, ScanSessionId session, byte[] bytes) {
            objects.put(tenant + "/" + session.value(), bytes);
        }

        int count() {
            return objects.size();
        }

        @Override
        public Grant grant(TenantId tenant, ScanSessionId session, long size, String contentType, Duration validity) {
            if (!available) {
                return new Grant.Unavailable("no object store");
            }
            return new Grant.Granted("https://store.example/" + session.value(),
                    Map.of("content-type", contentType), world.clock.now().plus(validity));
        }

        @Override
        public Claim claim(TenantId tenant, ScanSessionId session, long maxBytes) {
            if (!available) {
                return new Claim.Unavailable("no object store");
            }
            var bytes = objects.remove(tenant + "/" + session.value());
            if (bytes == null) {
                return new Claim.NothingUploaded();
            }
            return switch (world.storage.store(tenant, session, new ByteArrayInputStream(bytes), maxBytes)) {
                case StoreResult.Stored stored -> new Claim.Claimed(stored);
                case StoreResult.TooLarge(var max) -> new Claim.TooLarge(max);
                case StoreResult.UnsupportedFormat(var detail) -> new Claim.UnsupportedFormat(detail);
            };
        }

        @Override
        public void forget(TenantId tenant, ScanSessionId session) {
            objects.remove(tenant + "/" + session.value());
        }
    }
}
