package io.rppg.application.port.in;

import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.util.List;
import java.util.Set;

/** A tenant labels its scans with tags it can search by, and deletes scans it no longer wants kept. */
public interface CurateScansUseCase {

    int MAX_TAGS = 20;
    int MAX_TAG_LENGTH = 50;

    Tagging retag(TenantId tenant, ScanSessionId session, Set<String> add, Set<String> remove);

    /** Deletes the session, its stored video, tags, metadata and device link. The scan stays spent on the plan. */
    Deletion delete(TenantId tenant, ScanSessionId session);

    sealed interface Tagging {
        record Tagged(List<String> tags) implements Tagging {
        }

        record SessionNotFound() implements Tagging {
        }

        record Invalid(String detail) implements Tagging {
        }
    }

    sealed interface Deletion {
        record Deleted(boolean videoDeleted) implements Deletion {
        }

        record SessionNotFound() implements Deletion {
        }

        /** A video is being analysed or a stream is feeding it: stop the stream or wait for the result first. */
        record StillProcessing() implements Deletion {
        }
    }
}
