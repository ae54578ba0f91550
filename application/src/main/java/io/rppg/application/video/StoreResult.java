package io.rppg.application.video;

import io.rppg.domain.session.VideoContainer;

import java.nio.file.Path;

/** What became of an upload handed to video storage: stored, or refused with nothing left behind. */
public sealed interface StoreResult {

    record Stored(Path path, long size, VideoContainer format) implements StoreResult {
    }

    record TooLarge(long maxBytes) implements StoreResult {
    }

    record UnsupportedFormat(String detail) implements StoreResult {
    }
}
