package io.rppg.domain.session;

/** The container formats the platform accepts, each with the file extension its stored videos carry. */
public enum VideoContainer {
    MP4("mp4"),
    MOV("mov"),
    WEBM("webm"),
    AVI("avi");

    private final String extension;

    VideoContainer(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
