package io.rppg.adapter.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthGrpc;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase.CallerRequest;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase.RequestAllowance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * Every call of the platform's services authenticates by its {@code authorization} metadata and spends one request
 * of its credential's rate limit (the same allowance as the credential's HTTP requests) before a service sees it.
 * The health service and server reflection are open, as {@code /health} and the OpenAPI document are.
 */
final class CallerInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private static final Logger log = LoggerFactory.getLogger(CallerInterceptor.class);
    private static final Set<String> OPEN_SERVICES = Set.of(HealthGrpc.SERVICE_NAME,
            "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");

    private final BearerCredentialCheck credentials;
    private final ConsumeRequestAllowanceUseCase allowances;
    private final boolean rateLimited;

    CallerInterceptor(BearerCredentialCheck credentials, ConsumeRequestAllowanceUseCase allowances,
                      boolean rateLimited) {
        this.credentials = credentials;
        this.allowances = allowances;
        this.rateLimited = rateLimited;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                      ServerCallHandler<Q, A> next) {
        if (OPEN_SERVICES.contains(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        GrpcCaller caller;
        try {
            caller = credentials.authenticate(headers.get(AUTHORIZATION));
            spendAllowance(caller);
        } catch (RuntimeException e) {
            var refusal = Refusals.unexpected(e);
            if (!(e instanceof StatusRuntimeException)) {
                log.warn("Refused {} before it started: {}", call.getMethodDescriptor().getFullMethodName(),
                        e.toString());
            }
            call.close(refusal.getStatus(), refusal.getTrailers());
            return new ServerCall.Listener<>() {
            };
        }
        return Contexts.interceptCall(Context.current().withValue(GrpcCaller.KEY, caller), call, headers, next);
    }

    /** Should the limiter fail for another reason than the database, the call goes through, as on HTTP. */
    private void spendAllowance(GrpcCaller caller) {
        if (!rateLimited) {
            return;
        }
        RequestAllowance allowance;
        try {
            allowance = allowances.consumeForCaller(new CallerRequest(caller.tenant(), caller.credentialKey()));
        } catch (RuntimeException e) {
            var refusal = Refusals.unexpected(e);
            if (refusal.getStatus().getCode() == io.grpc.Status.Code.UNAVAILABLE) {
                throw refusal;
            }
            log.warn("Rate limit not checked for a gRPC call: {}", e.toString());
            return;
        }
        switch (allowance) {
            case RequestAllowance.Allowed allowed -> {
            }
            case RequestAllowance.Limited limited -> throw Refusals.rateLimited(limited.retryAfter());
        }
    }
}
