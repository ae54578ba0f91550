package io.rppg.adapter.web.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens verified once and then known until they expire, so that a client polling its scan with a token is
 * not verified again at every poll: verifying one (its RSA signature, its claims, its issuer turned into a URL) took
 * a fifth of the JVM's time of such a poll under load.
 *
 * <ul>
 *     <li>A token is known by the SHA-256 of its text; the text itself is not kept.</li>
 *     <li>Only a token that passed every check of the verifier is known, and a known one is no longer answered from
 *     here from the moment it expires: the verifier judges it again, with its allowance for clocks.</li>
 *     <li>A token says who calls, not whether they still may: the caller's user and tenant are checked at every
 *     request after this ({@code CheckCallerAccessQuery}), so a deleted user or a suspended tenant is refused as
 *     before, known token or not.</li>
 *     <li>At most {@code capacity} tokens are known; when full, all are forgotten and it fills again.</li>
 * </ul>
 */
final class KnownAccessTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final int capacity;
    private final ConcurrentHashMap<String, Jwt> known = new ConcurrentHashMap<>();

    KnownAccessTokens(JwtDecoder verifier, Clock clock, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = digest(token);
        Jwt jwt = known.get(key);
        if (jwt != null) {
            if (clock.instant().isBefore(jwt.getExpiresAt())) {
                return jwt;
            }
            known.remove(key, jwt);
        }
        jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
            if (known.size() >= capacity) {
                known.clear();
            }
            known.put(key, jwt);
        }
        return jwt;
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
