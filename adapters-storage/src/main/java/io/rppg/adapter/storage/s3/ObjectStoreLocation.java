package io.rppg.adapter.storage.s3;

import java.net.URI;

/**
 * A bucket and the key prefix under which the platform keeps its videos, as written in {@code RPPG_STORAGE_URL}:
 * {@code s3://bucket} or {@code s3://bucket/some/prefix}.
 *
 * @param prefix empty, or ending with {@code /}
 */
public record ObjectStoreLocation(String bucket, String prefix) {

    public ObjectStoreLocation {
        // S3's rules for bucket names, in short: 3-63 lower-case letters, digits, dots and hyphens.
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("not an S3 bucket name: " + bucket);
        }
        if (prefix == null || prefix.startsWith("/") || (!prefix.isEmpty() && !prefix.endsWith("/"))) {
            throw new IllegalArgumentException("a key prefix is empty or ends with '/' (and does not start with "
                    + "one): " + prefix);
        }
    }

    public static boolean isObjectStore(String url) {
        return url != null && url.startsWith("s3://");
    }

    /** Reads {@code s3://bucket[/prefix]}. */
    public static ObjectStoreLocation parse(String url) {
        if (!isObjectStore(url)) {
            throw new IllegalArgumentException("RPPG_STORAGE_URL must look like s3://bucket/prefix, not " + url);
        }
        var uri = URI.create(url);
        var path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+", "");
        if (!path.isEmpty() && !path.endsWith("/")) {
            path = path + "/";
        }
        return new ObjectStoreLocation(uri.getHost(), path);
    }
}
