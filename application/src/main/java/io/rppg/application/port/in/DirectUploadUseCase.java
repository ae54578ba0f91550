package io.rppg.application.port.in;

import io.rppg.application.port.in.SubmitVideoUseCase.SubmissionResult;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A client uploads a session's video straight to object storage: it asks for a short-lived upload URL bound to the
 * video's size and type, puts the file there, and then says it is done; the platform checks the object as it checks
 * a streamed upload and queues it the same way (same job, same quota charge, same result).
 */
public interface DirectUploadUseCase {

    /** The content types a client may declare; the bytes still decide the format when it completes. */
    Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/webm", "video/quicktime", "video/x-msvideo");

    UploadOffer offerUpload(OfferCommand command);

    Completion completeUpload(TenantId tenant, ScanSessionId sessionId);

    /** @param size the exact size of the file the client will put, in bytes */
    record OfferCommand(TenantId tenant, ScanSessionId sessionId, long size, String contentType) {
        public OfferCommand {
            if (tenant == null || sessionId == null) {
                throw new IllegalArgumentException("tenant and session id are required");
            }
        }
    }

    /** The answer to a request for an upload URL. */
    sealed interface UploadOffer {

        /** PUT the file to {@code url} with {@code headers} before {@code expiresAt}. */
        record Offered(String url, Map<String, String> headers, long size, Instant expiresAt, long maxBytes)
                implements UploadOffer {
        }

        /** Same meaning as for a streamed upload: not found (404), already has its video (409), too large (413). */
        record Refused(SubmissionResult.Refusal refusal) implements UploadOffer {
        }

        /** The size or content type the client declared is no valid one. */
        record InvalidRequest(String field, String detail) implements UploadOffer {
        }

        /** Videos are kept where clients cannot put them (a local file system). */
        record Unavailable(String reason) implements UploadOffer {
        }
    }

    /** What became of a completed direct upload. */
    sealed interface Completion {

        /** Queued; the session is now processing. */
        record Accepted(ScanSession session) implements Completion {
        }

        /** Refused as a streamed upload would be; the object is deleted. */
        record Refused(SubmissionResult.Refusal refusal) implements Completion {
        }

        /** No object in the session's place: never put, put with an expired URL, or already completed. */
        record NothingUploaded() implements Completion {
        }

        record Unavailable(String reason) implements Completion {
        }
    }
}
