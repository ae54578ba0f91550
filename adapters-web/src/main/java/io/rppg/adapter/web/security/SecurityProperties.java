package io.rppg.adapter.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How tokens are signed and how long they live.
 *
 * @param accessTokenTtl lifetime of an access token (short: a stolen one is soon worthless)
 * @param issuer         the {@code iss} claim of every token this platform signs
 * @param jwtPrivateKey  PEM (PKCS#8) RSA private key shared by every node; {@code RPPG_JWT_PRIVATE_KEY}
 * @param jwtKeyFile     where a generated key is kept when none is configured (single-node and development runs)
 */
@ConfigurationProperties(prefix = "rppg.security")
public record SecurityProperties(Duration accessTokenTtl, String issuer, String jwtPrivateKey, Path jwtKeyFile) {

    public SecurityProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        issuer = issuer == null || issuer.isBlank() ? "rppg-platform" : issuer;
        jwtKeyFile = jwtKeyFile == null ? Path.of("data", "jwt-signing-key.pem") : jwtKeyFile;
    }
}
