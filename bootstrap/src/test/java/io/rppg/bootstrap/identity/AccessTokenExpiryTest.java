package io.rppg.bootstrap.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expired access tokens are refused. The platform here signs with a key this test chose
 * ({@code rppg.security.jwt-private-key}), so the test can sign tokens exactly as the platform does but with any
 * expiry: one that expired minutes ago, well past the validator's 60 seconds of clock skew, must be refused, while
 * the same token with a future expiry is accepted. A token must also carry {@code exp}, {@code iat} and {@code iss},
 * and live no longer than the configured lifetime (15 minutes here). This class has its own Spring context because of
 * that key.
 */
class AccessTokenExpiryTest extends PlatformTest {

    private static final KeyPair PLATFORM_KEY = rsaKeyPair();

    @DynamicPropertySource
    static void signingKey(DynamicPropertyRegistry registry) {
        registry.add("rppg.security.jwt-private-key", () -> "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(PLATFORM_KEY.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    }

    private Api api;
    private SignedJWT genuine;
    private String path;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        var tenant = api.createTenant();
        var admin = api.createUser(tenant, "tenant_admin");
        genuine = SignedJWT.parse(api.logIn(admin.username(), admin.password()).access());
        path = "/api/v1/admin/tenants/" + tenant + "/users";
    }

    private static KeyPair rsaKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The genuine token's header and claims, issued and expiring when the test says, signed with the platform key. */
    private String resigned(Instant issuedAt, Instant expiresAt, String issuer) throws Exception {
        var claims = new JWTClaimsSet.Builder(genuine.getJWTClaimsSet())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .issuer(issuer)
                .build();
        var token = new SignedJWT(new JWSHeader.Builder(genuine.getHeader()).build(), claims);
        token.sign(new RSASSASigner(PLATFORM_KEY.getPrivate()));
        return token.serialize();
    }

    @Test
    void thePlatformSignsWithTheConfiguredKey() throws Exception {
        assertThat(genuine.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(genuine.verify(new RSASSAVerifier((RSAPublicKey) PLATFORM_KEY.getPublic()))).isTrue();
        var lifetime = Duration.between(genuine.getJWTClaimsSet().getIssueTime().toInstant(),
                genuine.getJWTClaimsSet().getExpirationTime().toInstant());
        assertThat(lifetime).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aTokenSignedLikeThePlatformsIsAcceptedWhileItLives() throws Exception {
        var now = Instant.now();

        assertThat(api.get(path, resigned(now, now.plus(Duration.ofMinutes(5)), "rppg-platform")).status())
                .isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        var now = Instant.now();
        var expired = resigned(now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(5)), "rppg-platform");

        var response = api.get(path, expired);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void aTokenJustPastTheClockSkewIsRefused() throws Exception {
        var now = Instant.now();

        assertThat(api.get(path, resigned(now.minus(Duration.ofMinutes(16)), now.minusSeconds(75), "rppg-platform"))
                .status()).isEqualTo(401);
    }

    /** The genuine token's claims as the given builder leaves them, signed with the platform key. */
    private String signed(JWTClaimsSet.Builder claims) throws Exception {
        var token = new SignedJWT(new JWSHeader.Builder(genuine.getHeader()).build(), claims.build());
        token.sign(new RSASSASigner(PLATFORM_KEY.getPrivate()));
        return token.serialize();
    }

    private JWTClaimsSet.Builder genuineClaims() throws Exception {
        return new JWTClaimsSet.Builder(genuine.getJWTClaimsSet());
    }

    private void assertRefused(String token) {
        var response = api.get(path, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.json().path("code").asString()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        assertRefused(signed(genuineClaims().expirationTime(null)));
    }

    @Test
    void aTokenWithoutIssueTimeOrIssuerIsRefused() throws Exception {
        assertRefused(signed(genuineClaims().issueTime(null)));
        assertRefused(signed(genuineClaims().issuer(null)));
    }

    @Test
    void aTokenLivingLongerThanTheConfiguredLifetimeIsRefused() throws Exception {
        var now = Instant.now();

        assertRefused(resigned(now, now.plus(Duration.ofMinutes(15)).plusSeconds(30), "rppg-platform"));
        assertRefused(resigned(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), "rppg-platform"));
        assertThat(api.get(path, resigned(now, now.plus(Duration.ofMinutes(15)), "rppg-platform")).status())
                .as("exactly the configured lifetime").isEqualTo(200);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefusedBeyondTheClockSkew() throws Exception {
        var now = Instant.now();

        assertRefused(resigned(now.plus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(10)), "rppg-platform"));
        assertThat(api.get(path, resigned(now.plusSeconds(20), now.plus(Duration.ofMinutes(10)), "rppg-platform"))
                .status()).as("within the skew").isEqualTo(200);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        var now = Instant.now();

        assertThat(api.get(path, resigned(now, now.plus(Duration.ofMinutes(5)), "someone-else")).status())
                .isEqualTo(401);
    }
}
