package io.rppg.adapter.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.util.Durations;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.rppg.application.port.in.CreateScanSessionUseCase.SessionCreation;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.time.Duration;
import java.time.Instant;

/**
 * Every refusal of the gRPC surface: a status code, a message for people, and the platform's error code (the one
 * the REST surfaces use) in the {@code rppg-error-code} trailer and as {@code google.rpc.ErrorInfo}. A refusal
 * that passes with time carries the delay in {@code retry-after} (whole seconds) and as {@code google.rpc.RetryInfo}.
 */
final class Refusals {

    static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("rppg-error-code", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> RETRY_AFTER = Metadata.Key.of("retry-after", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> SESSION_ID = Metadata.Key.of("rppg-session-id", Metadata.ASCII_STRING_MARSHALLER);
    static final String DOMAIN = "rppg.v1";

    private Refusals() {
    }

    static StatusRuntimeException of(Status.Code code, String errorCode, String message) {
        return build(code, errorCode, message, null, new Metadata());
    }

    static StatusRuntimeException retryable(Status.Code code, String errorCode, String message, Duration retryAfter) {
        return build(code, errorCode, message, retryAfter, new Metadata());
    }

    /** As {@link #of}, telling the client which session the refusal is about (e.g. an upload into a new session). */
    static StatusRuntimeException about(String sessionId, StatusRuntimeException refusal) {
        var trailers = refusal.getTrailers() == null ? new Metadata() : refusal.getTrailers();
        trailers.put(SESSION_ID, sessionId);
        return new StatusRuntimeException(refusal.getStatus(), trailers);
    }

    static StatusRuntimeException sessionNotFound() {
        return of(Status.Code.NOT_FOUND, "SESSION_NOT_FOUND", "Session ID not found or expired");
    }

    static StatusRuntimeException invalid(String message) {
        return of(Status.Code.INVALID_ARGUMENT, "VALIDATION_ERROR", message);
    }

    static StatusRuntimeException rateLimited(Duration retryAfter) {
        long seconds = wholeSeconds(retryAfter);
        return retryable(Status.Code.RESOURCE_EXHAUSTED, "RATE_LIMIT_EXCEEDED",
                "Rate limit exceeded. Try again in " + seconds + " seconds.", retryAfter);
    }

    /** A session that could not be opened: the plan's scans are used up, or the caller holds too many open ones. */
    static StatusRuntimeException notOpened(SessionCreation refusal, Instant now) {
        return switch (refusal) {
            case SessionCreation.NoScansAvailable(var monthlyScans, var renewsAt) -> retryable(
                    Status.Code.RESOURCE_EXHAUSTED, "NO_SCANS_AVAILABLE",
                    "No scans available! The plan's " + monthlyScans + " scans renew at " + renewsAt,
                    Duration.between(now, renewsAt));
            case SessionCreation.TooManyOpenSessions(var maxOpenSessions) -> of(Status.Code.RESOURCE_EXHAUSTED,
                    "TOO_MANY_OPEN_SESSIONS", "This caller already holds " + maxOpenSessions
                            + " open sessions; finish or let one expire first.");
            case SessionCreation.Created created -> throw new IllegalStateException("a created session is no refusal");
        };
    }

    /**
     * What an unexpected exception becomes: UNAVAILABLE when the database is out of reach (the call may be
     * retried), else INTERNAL without detail; the detail goes to the log, never to the client.
     */
    static StatusRuntimeException unexpected(Throwable failure) {
        if (failure instanceof StatusRuntimeException refusal) {
            return refusal;
        }
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof CannotCreateTransactionException) {
                return retryable(Status.Code.UNAVAILABLE, "SERVICE_UNAVAILABLE",
                        "The service is briefly unavailable; try again shortly", Duration.ofSeconds(5));
            }
        }
        return of(Status.Code.INTERNAL, "INTERNAL_ERROR", "An internal error occurred");
    }

    static long wholeSeconds(Duration delay) {
        return Math.max(1, (delay.toMillis() + 999) / 1000);
    }

    private static StatusRuntimeException build(Status.Code code, String errorCode, String message,
                                                Duration retryAfter, Metadata trailers) {
        var details = com.google.rpc.Status.newBuilder()
                .setCode(code.value())
                .setMessage(message)
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(errorCode).setDomain(DOMAIN).build()));
        trailers.put(ERROR_CODE, errorCode);
        if (retryAfter != null) {
            long seconds = wholeSeconds(retryAfter);
            trailers.put(RETRY_AFTER, Long.toString(seconds));
            details.addDetails(Any.pack(RetryInfo.newBuilder()
                    .setRetryDelay(Durations.fromSeconds(seconds)).build()));
        }
        return StatusProto.toStatusRuntimeException(details.build(), trailers);
    }
}
