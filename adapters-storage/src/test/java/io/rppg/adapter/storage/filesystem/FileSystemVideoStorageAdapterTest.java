package io.rppg.adapter.storage.filesystem;

import io.rppg.application.contract.VideoStoragePortContract;
import io.rppg.application.port.out.VideoStoragePort.StoreResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage port's contract on the real file system, and how the files lie there. */
class FileSystemVideoStorageAdapterTest extends VideoStoragePortContract {

    @TempDir
    Path root;

    @Override
    protected FileSystemVideoStorageAdapter storage() {
        return new FileSystemVideoStorageAdapter(root);
    }

    @Override
    protected List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(Path::toString).toList();
        }
    }

    @Test
    void anUploadLiesBesideTheTenantsVideosAndIsMovedToTheSessionsNameWhenAccepted() throws IOException {
        var stored = (StoreResult.Stored) storage().store(TENANT, SESSION,
                new ByteArrayInputStream(mp4("isom", 1000)), 10_000);

        assertThat(stored.path().getParent()).isEqualTo(root.resolve(TENANT.toString()));
        assertThat(stored.path().getFileName().toString()).startsWith(SESSION.value() + ".upload-").endsWith(".mp4");

        storage().accept(TENANT, SESSION, stored);

        var video = root.resolve(TENANT.toString()).resolve(SESSION.value() + ".mp4");
        assertThat(leftovers()).containsExactly(video.toString());
        assertThat(storage().find(TENANT, SESSION)).contains(new io.rppg.application.port.out.VideoStoragePort.VideoSource.LocalFile(video));
    }

    @Test
    void storedVideosSkipsFilesThatAreNoVideoOfASession() throws IOException {
        accepted(mp4("isom", 1000));
        Files.writeString(root.resolve(TENANT.toString()).resolve("notes.txt"), "not a video");
        Files.createDirectories(root.resolve("not-a-tenant"));

        assertThat(storage().storedVideos()).singleElement()
                .satisfies(video -> assertThat(video.session()).isEqualTo(SESSION));
    }

    @Test
    void halfWrittenUploadsOfACrashedNodeAreDeletedOnceOlderThanTheCutOff() throws IOException {
        var directory = Files.createDirectories(root.resolve(TENANT.toString()));
        var old = Files.writeString(directory.resolve(SESSION.value() + ".upload-123.part"), "half an upload");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));
        var fresh = Files.writeString(directory.resolve(SESSION.value() + ".upload-456.part"), "an upload in progress");

        assertThat(storage().deleteUnacceptedUploadsOlderThan(Instant.now().minusSeconds(3600))).isEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void anEmptyStorageHasNothingToListOrClean() {
        var empty = new FileSystemVideoStorageAdapter(root.resolve("never-created"));

        assertThat(empty.storedVideos()).isEmpty();
        assertThat(empty.deleteUnacceptedUploadsOlderThan(Instant.now())).isZero();
    }
}
