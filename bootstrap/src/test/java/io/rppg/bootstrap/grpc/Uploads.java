package io.rppg.bootstrap.grpc;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.rppg.adapter.grpc.v1.ScanResult;
import io.rppg.adapter.grpc.v1.ScanServiceGrpc;
import io.rppg.adapter.grpc.v1.VideoChunk;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** AnalyzeVideo as a client calls it: the file in chunks, then the one answer. */
public final class Uploads {

    private Uploads() {
    }

    /** Sends {@code video} in chunks of {@code chunkBytes}; the first chunk carries {@code header}. */
    public static ScanResult analyze(ScanServiceGrpc.ScanServiceStub stub, VideoChunk header, byte[] video,
                                     int chunkBytes, Duration patience) throws Exception {
        var answer = new CompletableFuture<ScanResult>();
        var requests = stub.analyzeVideo(observer(answer));
        for (int offset = 0; offset < video.length; offset += chunkBytes) {
            var piece = ByteString.copyFrom(video, offset, Math.min(chunkBytes, video.length - offset));
            requests.onNext(offset == 0 ? header.toBuilder().setData(piece).build()
                    : VideoChunk.newBuilder().setData(piece).build());
        }
        requests.onCompleted();
        return await(answer, patience);
    }

    public static <T> StreamObserver<T> observer(CompletableFuture<T> answer) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                answer.complete(value);
            }

            @Override
            public void onError(Throwable failure) {
                answer.completeExceptionally(failure);
            }

            @Override
            public void onCompleted() {
                answer.complete(null);
            }
        };
    }

    /** The answer, or the StatusRuntimeException the call ended with. */
    public static <T> T await(CompletableFuture<T> answer, Duration patience) throws Exception {
        try {
            return answer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + patience, e);
        }
    }
}
