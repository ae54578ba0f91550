package io.rppg.application.port.in;

import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.io.InputStream;

/**
 * A client uploads the one video of a scan session. The video streams to storage, is checked by its bytes, and
 * on acceptance the session moves to processing and its analysis is queued in the same transaction.
 */
public interface SubmitVideoUseCase {

    SubmissionResult submitVideo(Command command);

    /**
     * @param content             the video bytes; read once, up to the plan's limit plus one byte, and not closed
     * @param declaredContentType what the client said it sends, for logs only; the bytes decide the format
     * @param fileName            the client's file name, for logs only; may be null
     * @param clientMetadata      JSON the client keeps with the scan, stored with the acceptance or not at all;
     *                            null when none was sent
     */
    record Command(TenantId tenant, ScanSessionId sessionId, InputStream content, String declaredContentType,
                   String fileName, String clientMetadata) {
        public Command {
            if (tenant == null || sessionId == null || content == null) {
                throw new IllegalArgumentException("tenant, session id and content are required");
            }
            if (clientMetadata != null && clientMetadata.length() > ScanClientMetadataUseCase.MAX_CHARACTERS) {
                throw new IllegalArgumentException("metadata must be at most "
                        + ScanClientMetadataUseCase.MAX_CHARACTERS + " characters of JSON");
            }
        }

        /** An upload without client metadata. */
        public Command(TenantId tenant, ScanSessionId sessionId, InputStream content, String declaredContentType,
                       String fileName) {
            this(tenant, sessionId, content, declaredContentType, fileName, null);
        }
    }

    /** Each outcome a client can meet; every surface maps them to its own shape. */
    sealed interface SubmissionResult {

        /** Stored and queued; the session is now processing (HTTP 202). */
        record Accepted(ScanSession session) implements SubmissionResult {
        }

        /** The upload was refused and nothing of it kept; each surface says why in its own shape. */
        sealed interface Refusal extends SubmissionResult {
        }

        /** No such session for this tenant, or it has expired (HTTP 404). */
        record SessionNotFound() implements Refusal {
        }

        /** The session already has its video (HTTP 409). */
        record VideoAlreadySubmitted() implements Refusal {
        }

        /** Larger than the plan allows (HTTP 413). */
        record TooLarge(long maxBytes) implements Refusal {
        }

        /** Not an MP4, WebM, MOV or AVI file by its bytes (HTTP 415). */
        record UnsupportedFormat(String detail) implements Refusal {
        }

        /** The container has the right signature but cannot be opened, e.g. truncated (HTTP 422). */
        record Unreadable(String detail) implements Refusal {
        }
    }
}
