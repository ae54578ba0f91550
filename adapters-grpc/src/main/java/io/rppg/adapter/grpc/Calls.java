package io.rppg.adapter.grpc;

import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/** A unary call answered by one function: its value, or its refusal in this surface's shape. */
final class Calls {

    private static final Logger log = LoggerFactory.getLogger(Calls.class);

    private Calls() {
    }

    static <A> void unary(StreamObserver<A> responses, Supplier<A> answer) {
        A value;
        try {
            value = answer.get();
        } catch (io.grpc.StatusRuntimeException refusal) {
            responses.onError(refusal);
            return;
        } catch (RuntimeException e) {
            log.warn("A gRPC call failed: {}", e.toString());
            responses.onError(Refusals.unexpected(e));
            return;
        }
        responses.onNext(value);
        responses.onCompleted();
    }
}
