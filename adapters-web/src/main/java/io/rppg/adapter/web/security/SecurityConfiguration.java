package io.rppg.adapter.web.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.rppg.adapter.web.error.ErrorResponses;
import io.rppg.application.port.in.AuthenticateApiKeyUseCase;
import io.rppg.application.port.in.CheckCallerAccessQuery;
import io.rppg.application.port.out.AccessTokenPort;
import io.rppg.application.port.out.PasswordHasherPort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Set;

/**
 * Who may call what. Every surface takes {@code Authorization: Bearer} with either an access token signed here or an
 * API key; the login endpoints, the health check, the probes and the public keys are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    /** Paths that take no bearer credential (the refresh endpoint reads its refresh token itself). */
    static final Set<String> PUBLIC_PATHS = Set.of(
            "/health", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
            "/.well-known/jwks.json",
            "/clientlogin", "/refresh",
            "/v2/auth/login", "/api/v2/auth/login", "/v2/auth/refresh", "/api/v2/auth/refresh",
            "/error");

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
                JwtValidators.createDefaultWithIssuer(properties.issuer())));
        return decoder;
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
                                    ErrorResponses responses) throws Exception {
        var errors = new SurfaceSecurityErrors(responses);
        var authentication = new ProviderManager(new BearerCredentialAuthenticationProvider(apiKeys, access, jwtDecoder));
        var bearerTokens = new DefaultBearerTokenResolver();
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(request -> PUBLIC_PATHS.contains(request.getRequestURI())).permitAll()
                        .requestMatchers("/api/v1/admin/**").hasAnyRole("PLATFORM_ADMIN", "TENANT_ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(request -> PUBLIC_PATHS.contains(request.getRequestURI())
                                ? null : bearerTokens.resolve(request))
                        .authenticationManagerResolver(request -> authentication)
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .build();
    }
}
