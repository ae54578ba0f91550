package io.rppg.adapter.web.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rppg.adapter.web.Routes;
import io.rppg.adapter.web.app.ScanPage;
import io.rppg.adapter.web.error.ErrorResponses;
import io.rppg.application.port.in.AuthenticateApiKeyUseCase;
import io.rppg.application.port.in.CheckCallerAccessQuery;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase;
import io.rppg.application.port.out.AccessTokenPort;
import io.rppg.application.port.out.PasswordHasherPort;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;


import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Who may call what. Every surface takes {@code Authorization: Bearer} with either an access token signed here or an
 * API key; the login endpoints, the health check, the probes, the public keys, the OpenAPI document, the scan page
 * ({@code /app/}) and the JavaScript SDK ({@code /sdk/}) are open, and
 * so are the Prometheus metrics unless {@code rppg.metrics.public} is false (then only platform admins read them).
 * After authentication every request spends one unit of its rate limit ({@link RateLimitFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    /** Verified access tokens kept per node (a few kilobytes each), for clients polling with a token. */
    private static final int KNOWN_ACCESS_TOKENS = 10_000;

    /** Paths that take no bearer credential (the refresh endpoint reads its refresh token itself). */
    static final Set<String> PUBLIC_PATHS = Set.of(
            "/health", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
            "/.well-known/jwks.json", "/error");

    /** The OpenAPI document and its Swagger UI, open to everyone. */
    static final List<String> PUBLIC_PREFIXES = List.of("/v3/api-docs", "/swagger-ui");

    static final String PROMETHEUS = "/actuator/prometheus";

    /** Whether a request to this path goes without a bearer credential. */
    public static boolean isPublicPath(String path) {
        return PUBLIC_PATHS.contains(path) || Routes.LOGINS.contains(path) || Routes.LIVE_WEBSOCKETS.contains(path)
                || Routes.GRAPHQL_WEBSOCKET.equals(path) || ScanPage.isStatic(path)
                || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /**
     * No observation of each security filter, authentication and authorisation: the request itself is still timed
     * ({@code http_server_requests}), and the per-filter spans cost more CPU than a vitals poll's own work.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    RSAKey jwtSigningKey(SecurityProperties properties) {
        return JwtSigningKey.load(properties);
    }

    @Bean
    JwtEncoder jwtEncoder(RSAKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwtSigningKey)));
    }

    @Bean
    JwtDecoder jwtDecoder(RSAKey jwtSigningKey, SecurityProperties properties) throws Exception {
        var decoder = NimbusJwtDecoder.withPublicKey(jwtSigningKey.toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new AccessTokenLifetime(properties.accessTokenTtl(), Clock.systemUTC())));
        return new KnownAccessTokens(decoder, Clock.systemUTC(), KNOWN_ACCESS_TOKENS);
    }

    @Bean
    AccessTokenPort accessTokenAdapter(JwtEncoder jwtEncoder, SecurityProperties properties, RSAKey jwtSigningKey) {
        return new JwtAccessTokenAdapter(jwtEncoder, properties, jwtSigningKey.getKeyID());
    }

    @Bean
    PasswordHasherPort passwordHasherAdapter(@Value("${rppg.security.bcrypt-strength:12}") int strength) {
        return new BcryptPasswordHasherAdapter(strength);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticateApiKeyUseCase apiKeys,
                                    CheckCallerAccessQuery access, JwtDecoder jwtDecoder,
                                    ErrorResponses responses, ConsumeRequestAllowanceUseCase allowances,
                                    ObjectProvider<MeterRegistry> meters,
                                    @Value("${rppg.rate-limit.enabled:true}") boolean rateLimited,
                                    @Value("${rppg.metrics.public:true}") boolean metricsPublic) throws Exception {
        var errors = new SurfaceSecurityErrors(responses);
        var authentication = new ProviderManager(new BearerCredentialAuthenticationProvider(apiKeys, access, jwtDecoder));
        var bearerTokens = new DefaultBearerTokenResolver();
        if (rateLimited) {
            http.addFilterAfter(new RateLimitFilter(allowances, responses,
                            meters.getIfAvailable(SimpleMeterRegistry::new)),
                    BearerTokenAuthenticationFilter.class);
        }
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(request -> isPublicPath(request.getRequestURI())).permitAll()
                        .requestMatchers(request -> PROMETHEUS.equals(request.getRequestURI()))
                        .access((caller, context) -> new AuthorizationDecision(metricsPublic
                                || caller.get().getAuthorities().stream()
                                .anyMatch(granted -> "ROLE_PLATFORM_ADMIN".equals(granted.getAuthority()))))
                        .requestMatchers("/api/v1/admin/**").hasAnyRole("PLATFORM_ADMIN", "TENANT_ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(request -> isPublicPath(request.getRequestURI())
                                || (metricsPublic && PROMETHEUS.equals(request.getRequestURI()))
                                ? null : bearerTokens.resolve(request))
                        .authenticationManagerResolver(request -> authentication)
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .build();
    }
}
