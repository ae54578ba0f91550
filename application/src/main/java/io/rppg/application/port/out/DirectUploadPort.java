package io.rppg.application.port.out;

import io.rppg.application.port.out.VideoStoragePort.StoreResult;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What video storage must do for a client that uploads a session's video to the store itself, past the platform:
 * hand out a short-lived permission to put exactly one video of a declared size and type in the session's place,
 * and later take what was put there as an upload, which {@link VideoStoragePort#accept} or
 * {@link VideoStoragePort#discard} then treats like any streamed one. Each session has one such place, so a
 * permission for one session can never fill another's.
 */
public interface DirectUploadPort {

    /** A permission to put {@code size} bytes of {@code contentType}, valid for {@code validity}. */
    Grant grant(TenantId tenant, ScanSessionId session, long size, String contentType, Duration validity);

    /**
     * Takes what the client put in the session's place as an upload of the session: at most {@code maxBytes}, and a
     * supported container by its first bytes. A refused object is deleted; the place is empty afterwards either way.
     */
    Claim claim(TenantId tenant, ScanSessionId session, long maxBytes);

    /** Deletes whatever the client put in the session's place, if anything. */
    void forget(TenantId tenant, ScanSessionId session);

    /** Whether the store can hand out a permission, and the permission. */
    sealed interface Grant {

        /**
         * @param url     the presigned URL to PUT to
         * @param headers what the client must send with its PUT, as they are bound into the signature */
        record Granted(String url, Map<String, String> headers, Instant expiresAt) implements Grant {
            public Granted {
                if (url == null || expiresAt == null) {
                    throw new IllegalArgumentException("a granted upload has a URL and an expiry");
                }
                headers = Map.copyOf(headers);
            }
        }

        /** This store takes no direct uploads (a local file system). */
        record Unavailable(String reason) implements Grant {
        }
    }

    /** What became of the object a client put in a session's place. */
    sealed interface Claim {

        record Claimed(StoreResult.Stored upload) implements Claim {
        }

        /** Nothing is there: never put, put too late, or already taken. */
        record NothingUploaded() implements Claim {
        }

        record TooLarge(long maxBytes) implements Claim {
        }

        record UnsupportedFormat(String detail) implements Claim {
        }

        record Unavailable(String reason) implements Claim {
        }
    }
}
