package io.rppg.domain.live;

/** Why a live stream has no heart rate at the moment: what the person in front of the camera can change. */
public enum LiveCondition {
    COLLECTING("Hold still: measuring"),
    NO_FACE("No face in view"),
    TOO_DARK("Too dark: add light"),
    HOLD_STILL("Hold still: the signal is too weak"),
    /** A media stream's face covers too few pixels for its skin colour to carry a pulse. */
    FACE_TOO_SMALL("Come closer: the face is too small");

    private final String message;

    LiveCondition(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
