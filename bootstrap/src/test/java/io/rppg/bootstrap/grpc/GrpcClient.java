package io.rppg.bootstrap.grpc;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.rppg.adapter.grpc.v1.LiveServiceGrpc;
import io.rppg.adapter.grpc.v1.ScanServiceGrpc;
import org.assertj.core.api.ThrowableAssert;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A generated Java client of the platform's gRPC services over a real port, as a native app holds one. */
public final class GrpcClient implements AutoCloseable {

    public static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("rppg-error-code",
            Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> RETRY_AFTER = Metadata.Key.of("retry-after",
            Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> SESSION_ID = Metadata.Key.of("rppg-session-id",
            Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;

    public GrpcClient(int port) {
        this(NettyChannelBuilder.forAddress("localhost", port).usePlaintext());
    }

    public GrpcClient(NettyChannelBuilder builder) {
        this.channel = builder.maxInboundMessageSize(16 * 1024 * 1024).build();
    }

    public ManagedChannel channel() {
        return channel;
    }

    public ScanServiceGrpc.ScanServiceBlockingStub scans(String bearer) {
        return authorized(ScanServiceGrpc.newBlockingStub(channel), bearer);
    }

    public ScanServiceGrpc.ScanServiceStub scansAsync(String bearer) {
        return authorized(ScanServiceGrpc.newStub(channel), bearer);
    }

    public LiveServiceGrpc.LiveServiceBlockingStub live(String bearer) {
        return authorized(LiveServiceGrpc.newBlockingStub(channel), bearer);
    }

    public LiveServiceGrpc.LiveServiceStub liveAsync(String bearer) {
        return authorized(LiveServiceGrpc.newStub(channel), bearer);
    }

    /** A stub that sends {@code authorization: Bearer <bearer>}; none when {@code bearer} is null. */
    public static <S extends AbstractStub<S>> S authorized(S stub, String bearer) {
        if (bearer == null) {
            return stub;
        }
        var headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + bearer);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** The refusal a call ends with, checked for its status code and the platform's error code (unless null). */
    public static StatusRuntimeException refusal(ThrowableAssert.ThrowingCallable call, Status.Code code,
                                                 String errorCode) {
        var refusal = catchThrowableOfType(StatusRuntimeException.class, call);
        assertThat(refusal).as("the call was refused").isNotNull();
        assertThat(refusal.getStatus().getCode()).as(refusal.toString()).isEqualTo(code);
        if (errorCode != null) {
            assertThat(refusal.getTrailers().get(ERROR_CODE)).as(refusal.toString()).isEqualTo(errorCode);
        }
        return refusal;
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
