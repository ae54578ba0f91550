package io.rppg.adapter.signal;

import io.rppg.domain.vitals.RecordingArtifact;

/**
 * A stretch of a video whose skin colour was disturbed, and what disturbed it.
 *
 * @param kind  what happened
 * @param from  first picture's time, in seconds from the first picture
 * @param to    last picture's time (equal to {@code from} for a single picture)
 */
record TraceArtifact(Kind kind, double from, double to) {

    enum Kind {
        /** No face was held: out of view, turned away or not found. */
        FACE_LOST,
        /** A skin region was left out: covered (a hand, hair), blown out or jumping. */
        REGION_LEFT_OUT,
        /** The camera's exposure or white balance jumped, and the colour was stitched across it. */
        EXPOSURE_STEP
    }

    /** As the result reports it. */
    RecordingArtifact reported() {
        var type = switch (kind) {
            case FACE_LOST -> RecordingArtifact.Type.FACE_LOST;
            case REGION_LEFT_OUT -> RecordingArtifact.Type.REGION_LEFT_OUT;
            case EXPOSURE_STEP -> RecordingArtifact.Type.EXPOSURE_STEP;
        };
        return new RecordingArtifact(type, from, to);
    }

    TraceArtifact extendedTo(double seconds) {
        return new TraceArtifact(kind, from, seconds);
    }
}
