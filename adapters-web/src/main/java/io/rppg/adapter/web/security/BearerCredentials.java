package io.rppg.adapter.web.security;

import io.rppg.application.port.in.AuthenticateApiKeyUseCase;
import io.rppg.application.port.in.CheckCallerAccessQuery;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A credential presented outside an {@code Authorization} header (a WebSocket's {@code ?token=} or first message),
 * judged exactly as the header's: an access token or an API key of an active tenant.
 */
@Component
public class BearerCredentials {

    private final BearerCredentialAuthenticationProvider provider;

    BearerCredentials(AuthenticateApiKeyUseCase apiKeys, CheckCallerAccessQuery access, JwtDecoder jwtDecoder) {
        this.provider = new BearerCredentialAuthenticationProvider(apiKeys, access, jwtDecoder);
    }

    /** The caller the credential stands for, or empty for a wrong, expired or revoked one or a suspended tenant. */
    public Optional<Caller> authenticate(String credential) {
        if (credential == null || credential.isBlank() || credential.length() > 4096) {
            return Optional.empty();
        }
        try {
            var authentication = provider.authenticate(new BearerTokenAuthenticationToken(credential));
            return Optional.of((Caller) authentication.getPrincipal());
        } catch (AuthenticationException e) {
            return Optional.empty();
        }
    }
}
