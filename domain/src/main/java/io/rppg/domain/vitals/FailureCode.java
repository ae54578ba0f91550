package io.rppg.domain.vitals;

/**
 * Why a scan ended without vitals. Each code carries the message a person reads; the code is for machines.
 * {@link #isVideoFault()} separates videos the engine cannot use (never retried, the scan counts) from faults of
 * the platform (retried, and the scan is given back when they persist).
 */
public enum FailureCode {
    UNREADABLE_VIDEO("The video file could not be read", true),
    UNSUPPORTED_FORMAT("The video format is not supported; send MP4, WebM, MOV or AVI", true),
    VIDEO_TOO_SHORT("The video holds less than 5 seconds of usable face", true),
    NO_FACE_DETECTED("No face detected in video", true),
    FACE_LOST("The face was lost for too much of the video", true),
    TOO_DARK("The video is too dark to measure skin colour", true),
    SIGNAL_TOO_WEAK("No pulse could be found in the video", true),
    /** A live stream that broke its protocol or limits (malformed or oversized messages, a flood). */
    INVALID_STREAM("The live stream sent data that could not be used", true),
    /**
     * The skin shows no pulse although the video is good enough to see one, or what looks like a pulse is the light
     * changing the whole scene: a photograph, a face on a screen, a lamp that flickers.
     */
    NO_PULSE("No pulse found in the face: is it a live person?", true),
    PROCESSING_ERROR("The video could not be analysed because of an internal error", false);

    private final String defaultMessage;
    private final boolean videoFault;

    FailureCode(String defaultMessage, boolean videoFault) {
        this.defaultMessage = defaultMessage;
        this.videoFault = videoFault;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    public boolean isVideoFault() {
        return videoFault;
    }
}
