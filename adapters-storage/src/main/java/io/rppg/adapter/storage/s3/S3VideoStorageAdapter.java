package io.rppg.adapter.storage.s3;

import io.rppg.application.port.out.DirectUploadPort;
import io.rppg.application.port.out.VideoStoragePort.VideoSource;
import io.rppg.application.port.out.VideoStoragePort;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.VideoContainer;
import io.rppg.domain.session.VideoSignature;
import io.rppg.domain.tenant.TenantId;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Videos as objects in an S3-compatible store, so that every node reads what any node accepted.
 * <ul>
 *     <li>{@code <prefix>uploads/<tenant>/<session>.upload-<uuid>.<ext>}: an upload not (yet) accepted;</li>
 *     <li>{@code <prefix>videos/<tenant>/<session>.<ext>}: the session's video.</li>
 * </ul>
 * An upload streams into a multipart upload, one part in memory at a time, and at the same time into a local
 * staging file under the same name, which the container probe reads. A refused or broken upload aborts its multipart
 * upload and deletes its staging file. Acceptance copies the upload to the session's key inside the store (S3 has no
 * rename) and deletes the staging file. A worker on any node reads the video where it lies, by ranged reads from
 * where the decoder seeks ({@link VideoSource.Remote}): nothing of it is copied to the worker's disk or held whole in
 * its memory.
 *
 * <p>A client may also put a session's video itself, with a presigned PUT to
 * {@code <prefix>uploads/<tenant>/<session>.direct-upload} whose size and content type are bound into the signature;
 * claiming it downloads it into a staging file, sniffs it and copies it to an upload key like any other, so that
 * {@link #accept} and {@link #discard} need not know how it came. Left unclaimed, the sweep deletes it with the other
 * stale uploads.
 */
public final class S3VideoStorageAdapter implements VideoStoragePort, DirectUploadPort, AutoCloseable {

    /** S3 refuses parts under 5 MiB (but the last); two of these are the most one upload holds in memory. */
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;
    /** A part's buffer starts this small and doubles up to the part size: a short video never holds 8 MiB. */
    private static final int FIRST_BUFFER_SIZE = 256 * 1024;
    private static final String UPLOAD_MARK = ".upload-";
    private static final String UPLOADS = "uploads/";
    private static final String VIDEOS = "videos/";
    private static final String DIRECT_UPLOAD = ".direct-upload";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final ObjectStoreLocation location;
    private final Path staging;
    private final int partSize;

    /**
     * @param staging a local directory of this node for uploads being probed and videos being analysed
     */
    public S3VideoStorageAdapter(S3Client s3, S3Presigner presigner, ObjectStoreLocation location, Path staging,
                                 int partSize) {
        if (partSize < 5 * 1024 * 1024) {
            throw new IllegalArgumentException("S3 parts are at least 5 MiB, not " + partSize);
        }
        this.s3 = s3;
        this.presigner = presigner;
        this.location = location;
        this.staging = staging.toAbsolutePath().normalize();
        this.partSize = partSize;
    }

    @Override
    public StoreResult store(TenantId tenant, ScanSessionId session, InputStream content, long maxBytes) {
        var part = new byte[Math.min(FIRST_BUFFER_SIZE, partSize)];
        try {
            // The first bytes decide the format, and with it the name, before anything is sent to the store.
            int filled = fill(content, part, 0, (int) Math.min(VideoSignature.HEAD_LENGTH, maxBytes + 1));
            if (filled > maxBytes) {
                return new StoreResult.TooLarge(maxBytes);
            }
            var format = VideoSignature.sniff(part, filled);
            if (filled == 0) {
                return new StoreResult.UnsupportedFormat("the upload is empty");
            }
            if (format.isEmpty()) {
                return new StoreResult.UnsupportedFormat("the file is not an MP4, WebM, MOV or AVI video");
            }
            var name = session.value() + UPLOAD_MARK + UUID.randomUUID() + "." + format.get().extension();
            return new MultipartUpload(uploadKey(tenant, name), Files.createDirectories(directoryOf(tenant))
                    .resolve(name)).stream(content, part, filled, maxBytes, format.get());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the video of " + session, e);
        }
    }

    /** One upload on its way into the store and into its staging file; whatever goes wrong removes both. */
    private final class MultipartUpload {
        private final String key;
        private final Path file;
        private String uploadId;

        MultipartUpload(String key, Path file) {
            this.key = key;
            this.file = file;
        }

        StoreResult stream(InputStream content, byte[] part, int filled, long maxBytes, VideoContainer format)
                throws IOException {
            try (OutputStream out = Files.newOutputStream(file)) {
                uploadId = s3.createMultipartUpload(b -> b.bucket(location.bucket()).key(key)
                        ).uploadId();
                var parts = new ArrayList<CompletedPart>();
                long total = filled;
                out.write(part, 0, filled);
                while (true) {
                    // Never ask for more than one byte past the limit: that byte alone proves the upload too large.
                    int wanted = (int) Math.min(part.length - filled, maxBytes + 1 - total);
                    int read = fill(content, part, filled, filled + wanted) - filled;
                    total += read;
                    if (total > maxBytes) {
                        abandon();
                        return new StoreResult.TooLarge(maxBytes);
                    }
                    out.write(part, filled, read);
                    filled += read;
                    boolean ended = read < wanted;
                    if (filled == part.length && part.length < partSize && !ended) {
                        part = Arrays.copyOf(part, Math.min(partSize, 2 * part.length));
                        continue;
                    }
                    if (filled == part.length || (ended && (filled > 0 || parts.isEmpty()))) {
                        parts.add(uploadPart(parts.size() + 1, part, filled));
                        filled = 0;
                    }
                    if (ended) {
                        break;
                    }
                }
                s3.completeMultipartUpload(b -> b.bucket(location.bucket()).key(key).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts)));
                return new StoreResult.Stored(file, total, format);
            } catch (IOException | RuntimeException | Error e) {
                abandon();
                throw e;
            }
        }

        private CompletedPart uploadPart(int number, byte[] bytes, int length) {
            // A content provider, not RequestBody.fromBytes: that would copy the part once more.
            var etag = s3.uploadPart(b -> b.bucket(location.bucket()).key(key).uploadId(uploadId)
                            .partNumber(number).contentLength((long) length),
                    RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
                            "application/octet-stream")).eTag();
            return CompletedPart.builder().partNumber(number).eTag(etag).build();
        }

        private void abandon() {
            deleteQuietly(file);
            if (uploadId != null) {
                try {
                    s3.abortMultipartUpload(b -> b.bucket(location.bucket()).key(key).uploadId(uploadId));
                } catch (SdkException ignored) {
                    // the sweep aborts it once it is stale; the original failure matters more
                }
            }
        }
    }

    @Override
    public void accept(TenantId tenant, ScanSessionId session, StoreResult.Stored upload) {
        var file = upload.path().toAbsolutePath().normalize();
        if (!directoryOf(tenant).equals(file.getParent())
                || !file.getFileName().toString().startsWith(session.value() + UPLOAD_MARK)) {
            throw new IllegalArgumentException(upload.path().getFileName() + " is no upload of " + session);
        }
        var from = uploadKey(tenant, file.getFileName().toString());
        var to = videoKey(tenant, session, upload.format());
        s3.copyObject(b -> b.sourceBucket(location.bucket()).sourceKey(from)
                .destinationBucket(location.bucket()).destinationKey(to));
        s3.deleteObject(b -> b.bucket(location.bucket()).key(from));
        // Probed and accepted, the staging copy has served: every worker, this node's too, reads the object.
        deleteQuietly(file);
    }

    @Override
    public void discard(StoreResult.Stored upload) {
        var file = upload.path().toAbsolutePath().normalize();
        var name = file.getFileName().toString();
        var tenantDirectory = file.getParent();
        if (tenantDirectory == null || !staging.equals(tenantDirectory.getParent()) || !name.contains(UPLOAD_MARK)) {
            throw new IllegalArgumentException("not an upload of this storage: " + name);
        }
        var tenant = new TenantId(UUID.fromString(tenantDirectory.getFileName().toString()));
        s3.deleteObject(b -> b.bucket(location.bucket()).key(uploadKey(tenant, name)));
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the upload " + name, e);
        }
    }

    @Override
    public Optional<VideoSource> find(TenantId tenant, ScanSessionId session) {
        for (var object : videoObjects(tenant, session)) {
            if (containerOf(object.key()).isPresent()) {
                var key = object.key();
                return Optional.of(new VideoSource.Remote(key.substring(key.lastIndexOf('/') + 1), object.size(),
                        position -> new ObjectRange(s3.getObject(b -> b.bucket(location.bucket()).key(key)
                                .range("bytes=" + position + "-")))));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean delete(TenantId tenant, ScanSessionId session) {
        boolean deleted = false;
        for (var object : videoObjects(tenant, session)) {
            s3.deleteObject(b -> b.bucket(location.bucket()).key(object.key()));
            deleted = true;
        }
        return deleted;
    }

    @Override
    public List<StoredVideo> storedVideos() {
        var videos = new ArrayList<StoredVideo>();
        var prefix = location.prefix() + VIDEOS;
        for (var object : s3.listObjectsV2Paginator(b -> b.bucket(location.bucket()).prefix(prefix)).contents()) {
            // <tenant>/<session>.<ext>; anything else under the prefix is not ours to judge
            var rest = object.key().substring(prefix.length());
            int slash = rest.indexOf('/');
            int dot = rest.indexOf('.');
            if (slash < 0 || dot < slash || !isUuid(rest.substring(0, slash))
                    || !ScanSessionId.isWellFormed(rest.substring(slash + 1, dot))
                    || containerOf(rest).isEmpty()) {
                continue;
            }
            videos.add(new StoredVideo(new TenantId(UUID.fromString(rest.substring(0, slash))),
                    new ScanSessionId(rest.substring(slash + 1, dot)), object.lastModified()));
        }
        return videos;
    }

    @Override
    public int deleteUnacceptedUploadsOlderThan(Instant before) {
        int deleted = 0;
        var prefix = location.prefix() + UPLOADS;
        for (var object : s3.listObjectsV2Paginator(b -> b.bucket(location.bucket()).prefix(prefix)).contents()) {
            // A key ending in '/' is a folder marker some stores (s3proxy on a file system) list; no upload.
            if (!object.key().endsWith("/") && object.lastModified().isBefore(before)) {
                s3.deleteObject(b -> b.bucket(location.bucket()).key(object.key()));
                deleted++;
            }
        }
        // Multipart uploads of nodes that died mid-upload: invisible as objects, but their parts are stored (and paid).
        for (var upload : s3.listMultipartUploadsPaginator(b -> b.bucket(location.bucket()).prefix(prefix))
                .uploads()) {
            if (upload.initiated().isBefore(before)) {
                s3.abortMultipartUpload(b -> b.bucket(location.bucket()).key(upload.key())
                        .uploadId(upload.uploadId()));
                deleted++;
            }
        }
        deleteStaleStagingFiles(before);
        return deleted;
    }

    /**
     * Local staging files older than the cut-off: uploads and downloads a crash left behind. Each is a copy, never
     * the only one.
     */
    private void deleteStaleStagingFiles(Instant before) {
        if (!Files.isDirectory(staging)) {
            return;
        }
        try (var files = Files.walk(staging, 2)) {
            for (var file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean up " + staging, e);
        }
    }

    @Override
    public Grant grant(TenantId tenant, ScanSessionId session, long size, String contentType, Duration validity) {
        var presigned = presigner.presignPutObject(b -> b.signatureDuration(validity)
                .putObjectRequest(put -> put.bucket(location.bucket()).key(directKey(tenant, session))
                        .contentType(contentType).contentLength(size)));
        // The client's HTTP library sets Host and Content-Length itself (the JDK's refuses to be told them).
        var headers = new LinkedHashMap<String, String>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new Grant.Granted(presigned.url().toString(), headers, presigned.expiration());
    }

    @Override
    public Claim claim(TenantId tenant, ScanSessionId session, long maxBytes) {
        var key = directKey(tenant, session);
        long size;
        try {
            size = s3.headObject(b -> b.bucket(location.bucket()).key(key)).contentLength();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return new Claim.NothingUploaded();
            }
            throw e;
        }
        if (size > maxBytes) {
            forget(tenant, session);
            return new Claim.TooLarge(maxBytes);
        }
        Path download = null;
        try {
            var directory = Files.createDirectories(directoryOf(tenant));
            var name = session.value() + UPLOAD_MARK + UUID.randomUUID();
            download = directory.resolve(name + ".download");
            var target = download;
            try {
                s3.getObject(b -> b.bucket(location.bucket()).key(key), ResponseTransformer.toFile(target));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return new Claim.NothingUploaded(); // a completion racing with this one took it
                }
                throw e;
            }
            long downloaded = Files.size(download);
            if (downloaded > maxBytes) {
                forget(tenant, session);
                return new Claim.TooLarge(maxBytes);
            }
            var head = new byte[VideoSignature.HEAD_LENGTH];
            int length;
            try (var in = Files.newInputStream(download)) {
                length = in.readNBytes(head, 0, head.length);
            }
            var format = VideoSignature.sniff(head, length);
            if (format.isEmpty()) {
                forget(tenant, session);
                return new Claim.UnsupportedFormat(length == 0 ? "the upload is empty"
                        : "the file is not an MP4, WebM, MOV or AVI video");
            }
            var file = directory.resolve(name + "." + format.get().extension());
            move(download, file);
            var uploadKey = uploadKey(tenant, file.getFileName().toString());
            try {
                s3.copyObject(b -> b.sourceBucket(location.bucket()).sourceKey(key)
                        .destinationBucket(location.bucket()).destinationKey(uploadKey));
            } catch (S3Exception e) {
                deleteQuietly(file);
                if (e.statusCode() == 404) {
                    return new Claim.NothingUploaded();
                }
                throw e;
            }
            s3.deleteObject(b -> b.bucket(location.bucket()).key(key));
            return new Claim.Claimed(new StoreResult.Stored(file, downloaded, format.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not take the direct upload of " + session, e);
        } finally {
            if (download != null) {
                deleteQuietly(download);
            }
        }
    }

    @Override
    public void forget(TenantId tenant, ScanSessionId session) {
        s3.deleteObject(b -> b.bucket(location.bucket()).key(directKey(tenant, session)));
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    private String directKey(TenantId tenant, ScanSessionId session) {
        return uploadKey(tenant, session.value() + DIRECT_UPLOAD);
    }

    private List<S3Object> videoObjects(TenantId tenant, ScanSessionId session) {
        var prefix = location.prefix() + VIDEOS + tenant.value() + "/" + session.value() + ".";
        return s3.listObjectsV2(b -> b.bucket(location.bucket()).prefix(prefix)).contents();
    }

    private String uploadKey(TenantId tenant, String name) {
        return location.prefix() + UPLOADS + tenant.value() + "/" + name;
    }

    private String videoKey(TenantId tenant, ScanSessionId session, VideoContainer container) {
        return location.prefix() + VIDEOS + tenant.value() + "/" + session.value() + "." + container.extension();
    }

    private Path directoryOf(TenantId tenant) {
        // A tenant id is a UUID and a session id matches sess_<digits>_<[a-z0-9]>: neither can leave the directory.
        return staging.resolve(tenant.value().toString());
    }

    private static Optional<VideoContainer> containerOf(String key) {
        for (var container : VideoContainer.values()) {
            if (key.endsWith("." + container.extension())) {
                return Optional.of(container);
            }
        }
        return Optional.empty();
    }

    /** Reads into {@code buffer[from..to)} until it is full or the stream ends; the end of what was read. */
    private static int fill(InputStream content, byte[] buffer, int from, int to) throws IOException {
        int at = from;
        while (at < to) {
            int read = content.read(buffer, at, to - at);
            if (read < 0) {
                break;
            }
            at += read;
        }
        return at;
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the original failure matters more
        }
    }
}
