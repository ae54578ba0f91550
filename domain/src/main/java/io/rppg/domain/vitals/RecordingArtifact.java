package io.rppg.domain.vitals;

import io.rppg.domain.Require;

/**
 * A stretch of the recording whose skin colour was disturbed, and what disturbed it.
 *
 * @param type         what happened
 * @param startSeconds the stretch's first picture, in seconds from the start of the recording
 * @param endSeconds   its last picture (equal to the start for a single picture)
 */
public record RecordingArtifact(Type type, double startSeconds, double endSeconds) {

    public enum Type {
        /** No face was held: out of view, turned away or not found. */
        FACE_LOST,
        /** A skin region was left out: covered (a hand, hair), blown out or jumping. */
        REGION_LEFT_OUT,
        /** The camera's exposure or white balance jumped, and the colour was stitched across it. */
        EXPOSURE_STEP
    }

    public RecordingArtifact {
        Require.present(type, "artifact type");
        Require.within(startSeconds, 0, 24 * 3600, "artifact start");
        Require.within(endSeconds, startSeconds, 24 * 3600, "artifact end");
    }
}
