package io.rppg.adapter.grpc;

import io.rppg.application.port.in.AuthenticateApiKeyUseCase;
import io.rppg.application.port.in.CheckCallerAccessQuery;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase;
import io.rppg.application.port.in.CreateScanSessionUseCase;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.application.port.in.ListScanSessionsQuery;
import io.rppg.application.port.in.LiveStreamUseCase;
import io.rppg.application.port.in.SubmitVideoUseCase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.util.List;

/** The gRPC surface, wired from the application's ports; {@code rppg.grpc.enabled=false} leaves it out. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrpcProperties.class)
@ConditionalOnProperty(name = "rppg.grpc.enabled", matchIfMissing = true)
public class GrpcConfiguration {

    @Bean
    GrpcServer grpcServer(GrpcProperties properties, AuthenticateApiKeyUseCase apiKeys,
                          CheckCallerAccessQuery access, JwtDecoder accessTokens,
                          ConsumeRequestAllowanceUseCase allowances,
                          @Value("${rppg.rate-limit.enabled:true}") boolean rateLimited,
                          CreateScanSessionUseCase createSession, SubmitVideoUseCase submitVideo,
                          GetScanSessionQuery getSession, ListScanSessionsQuery listSessions,
                          LiveStreamUseCase streams) {
        var callers = new CallerInterceptor(new BearerCredentialCheck(apiKeys, access, accessTokens), allowances,
                rateLimited);
        var uploads = new VideoUpload.Dependencies(createSession, submitVideo, getSession);
        return new GrpcServer(properties, List.of(new ScanGrpcService(uploads, listSessions, properties),
                new LiveGrpcService(streams, properties)), callers);
    }
}
