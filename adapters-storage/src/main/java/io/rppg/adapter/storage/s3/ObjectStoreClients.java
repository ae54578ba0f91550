package io.rppg.adapter.storage.s3;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Duration;

/** Builds the S3 client of an object store: AWS S3 itself, or any S3-compatible store at an endpoint of its own. */
public final class ObjectStoreClients {

    private ObjectStoreClients() {
    }

    /**
     * @param endpoint  null for AWS S3, else the store's URL (MinIO, Ceph RGW, ...)
     * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key}, as most
     *                  self-hosted stores need
     */
    public static S3Client client(String region, URI endpoint, boolean pathStyle, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .region(Region.of(region))
                .forcePathStyle(pathStyle)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)))
                // Checksums only where an operation requires them: S3-compatible stores do not all understand the
                // CRC trailers the SDK would otherwise add to every upload.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /** Signs URLs that let a client reach the same store as {@link #client} without credentials of its own. */
    public static S3Presigner presigner(String region, URI endpoint, boolean pathStyle,
                                        AwsCredentialsProvider credentials) {
        var builder = S3Presigner.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
