package io.rppg.adapter.storage.filesystem;

import io.rppg.application.port.out.VideoStoragePort.VideoSource;
import io.rppg.application.port.out.VideoStoragePort;
import io.rppg.application.port.out.VideoStoragePort.StoreResult;
import io.rppg.application.port.out.VideoStoragePort.StoredVideo;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.VideoContainer;
import io.rppg.domain.session.VideoSignature;
import io.rppg.domain.tenant.TenantId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Videos as files under {@code <root>/<tenant>/<session>.<ext>}. An upload streams into a file of its own in the
 * same directory ({@code <session>.upload-<n>.part}), its first bytes decide the format, and the size limit is
 * checked while copying; whatever goes wrong, that file is deleted. A complete upload becomes
 * {@code <session>.upload-<n>.<ext>}, and only the accepted one is moved to the session's name, in one atomic step:
 * uploads racing for one session never replace each other's file.
 */
public final class FileSystemVideoStorageAdapter implements VideoStoragePort {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final String PARTIAL_SUFFIX = ".part";
    /** Between the session id and the upload's number in the name of an upload not (yet) accepted. */
    private static final String UPLOAD_MARK = ".upload-";

    private final Path root;

    public FileSystemVideoStorageAdapter(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public StoreResult store(TenantId tenant, ScanSessionId session, InputStream content, long maxBytes) {
        Path partial = null;
        try {
            var directory = Files.createDirectories(directoryOf(tenant));
            partial = Files.createTempFile(directory, session.value() + UPLOAD_MARK, PARTIAL_SUFFIX);
            switch (copy(content, partial, maxBytes)) {
                case Refused(var refusal) -> {
                    Files.deleteIfExists(partial);
                    return refusal;
                }
                case Copied(var size, var format) -> {
                    var name = partial.getFileName().toString();
                    // The probe reads the file after this; it is named like the video it is.
                    var upload = directory.resolve(name.substring(0, name.length() - PARTIAL_SUFFIX.length())
                            + "." + format.extension());
                    move(partial, upload);
                    return new StoreResult.Stored(upload, size, format);
                }
            }
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("could not store the video of " + session, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    @Override
    public void accept(TenantId tenant, ScanSessionId session, StoreResult.Stored upload) {
        requireUploadOf(tenant, session, upload.path());
        try {
            move(upload.path(), pathOf(tenant, session, upload.format()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the video of " + session, e);
        }
    }

    @Override
    public void discard(StoreResult.Stored upload) {
        var name = upload.path().getFileName().toString();
        if (!upload.path().normalize().startsWith(root) || !name.contains(UPLOAD_MARK)) {
            throw new IllegalArgumentException("not an upload of this storage: " + name);
        }
        try {
            Files.deleteIfExists(upload.path());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the upload " + name, e);
        }
    }

    @Override
    public Optional<VideoSource> find(TenantId tenant, ScanSessionId session) {
        for (var container : VideoContainer.values()) {
            var path = pathOf(tenant, session, container);
            if (Files.isRegularFile(path)) {
                return Optional.of(new VideoSource.LocalFile(path));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean delete(TenantId tenant, ScanSessionId session) {
        boolean deleted = false;
        try {
            for (var container : VideoContainer.values()) {
                deleted |= Files.deleteIfExists(pathOf(tenant, session, container));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the video of " + session, e);
        }
        return deleted;
    }

    @Override
    public List<StoredVideo> storedVideos() {
        var videos = new ArrayList<StoredVideo>();
        for (var directory : tenantDirectories()) {
            var tenant = new TenantId(UUID.fromString(directory.getFileName().toString()));
            try (var files = Files.list(directory)) {
                for (var file : (Iterable<Path>) files::iterator) {
                    var name = file.getFileName().toString();
                    int dot = name.indexOf('.');
                    if (dot < 0 || !Files.isRegularFile(file) || !isVideoExtension(name.substring(dot + 1))
                            || !ScanSessionId.isWellFormed(name.substring(0, dot))) {
                        continue;
                    }
                    videos.add(new StoredVideo(tenant, new ScanSessionId(name.substring(0, dot)),
                            Files.getLastModifiedTime(file).toInstant()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not list the videos in " + directory, e);
            }
        }
        return videos;
    }

    @Override
    public int deleteUnacceptedUploadsOlderThan(Instant before) {
        int deleted = 0;
        for (var directory : tenantDirectories()) {
            try (var files = Files.list(directory)) {
                for (var file : (Iterable<Path>) files::iterator) {
                    if (file.getFileName().toString().contains(UPLOAD_MARK)
                            && Files.getLastModifiedTime(file).toInstant().isBefore(before)
                            && Files.deleteIfExists(file)) {
                        deleted++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not clean up " + directory, e);
            }
        }
        return deleted;
    }

    private List<Path> tenantDirectories() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).filter(d -> isUuid(d.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + root, e);
        }
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isVideoExtension(String extension) {
        for (var container : VideoContainer.values()) {
            if (container.extension().equals(extension)) {
                return true;
            }
        }
        return false;
    }

    /** Where a session's video in the given container lives (whether or not it exists). */
    public Path pathOf(TenantId tenant, ScanSessionId session, VideoContainer container) {
        return directoryOf(tenant).resolve(session.value() + "." + container.extension());
    }

    private void requireUploadOf(TenantId tenant, ScanSessionId session, Path upload) {
        if (!upload.normalize().getParent().equals(directoryOf(tenant))
                || !upload.getFileName().toString().startsWith(session.value() + UPLOAD_MARK)) {
            throw new IllegalArgumentException(upload.getFileName() + " is no upload of " + session);
        }
    }

    private Path directoryOf(TenantId tenant) {
        // A tenant id is a UUID and a session id matches sess_<digits>_<[a-z0-9]>: neither can leave the root.
        return root.resolve(tenant.value().toString());
    }

    private static CopyOutcome copy(InputStream content, Path partial, long maxBytes) throws IOException {
        var buffer = new byte[BUFFER_SIZE];
        var head = new byte[VideoSignature.HEAD_LENGTH];
        int headLength = 0;
        VideoContainer format = null;
        long total = 0;
        try (var out = Files.newOutputStream(partial)) {
            while (true) {
                // Never ask for more than one byte past the limit: that byte alone proves the upload too large.
                int wanted = (int) Math.min(buffer.length, maxBytes + 1 - total);
                int read = content.read(buffer, 0, wanted);
                if (read < 0) {
                    break;
                }
                total += read;
                if (total > maxBytes) {
                    return new Refused(new StoreResult.TooLarge(maxBytes));
                }
                if (format == null) {
                    int take = Math.min(read, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                    if (headLength == head.length) {
                        var sniffed = VideoSignature.sniff(head, headLength);
                        if (sniffed.isEmpty()) {
                            return new Refused(unsupported());
                        }
                        format = sniffed.get();
                    }
                }
                out.write(buffer, 0, read);
            }
        }
        if (format == null) {
            // Shorter than a full head: only a complete signature in what there is can make it a video.
            var sniffed = VideoSignature.sniff(head, headLength);
            if (total == 0 || sniffed.isEmpty()) {
                return new Refused(total == 0 ? new StoreResult.UnsupportedFormat("the upload is empty")
                        : unsupported());
            }
            format = sniffed.get();
        }
        return new Copied(total, format);
    }

    private static StoreResult.UnsupportedFormat unsupported() {
        return new StoreResult.UnsupportedFormat("the file is not an MP4, WebM, MOV or AVI video");
    }

    private static void move(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the original failure matters more
        }
    }

    private sealed interface CopyOutcome permits Copied, Refused {
    }

    private record Copied(long size, VideoContainer format) implements CopyOutcome {
    }

    private record Refused(StoreResult result) implements CopyOutcome {
    }
}
