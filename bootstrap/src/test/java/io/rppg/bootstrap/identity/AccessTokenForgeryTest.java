package io.rppg.bootstrap.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access tokens the platform did not sign as they are are refused with 401: tampered claims, {@code alg: none},
 * another key, HMAC with the published public key. The control: the genuine token works on the same request.
 */
class AccessTokenForgeryTest extends PlatformTest {

    private Api api;
    private String tenant;
    private String genuine;
    private String path;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = api.createTenant();
        var admin = api.createUser(tenant, "tenant_admin");
        genuine = api.logIn(admin.username(), admin.password()).access();
        path = "/api/v1/admin/tenants/" + tenant + "/users";
        assertThat(api.get(path, genuine).status()).isEqualTo(200);
    }

    private void assertRefused(String token) {
        var response = api.get(path, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).doesNotContain("\"id\"");
    }

    private String[] parts() {
        return genuine.split("\\.");
    }

    private static String base64url(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private JWTClaimsSet claimsAsPlatformAdmin() throws Exception {
        return new JWTClaimsSet.Builder(SignedJWT.parse(genuine).getJWTClaimsSet())
                .claim("roles", List.of("PLATFORM_ADMIN"))
                .claim("tenant_id", null)
                .build();
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        var forged = parts()[0] + "." + base64url(claimsAsPlatformAdmin().toString()) + "." + parts()[2];

        assertRefused(forged);
        assertThat(api.get("/api/v1/admin/tenants", forged).status()).isEqualTo(401);
    }

    @Test
    void aTamperedSignatureIsRefused() {
        var signature = parts()[2];
        var flipped = (signature.charAt(10) == 'A' ? 'B' : 'A');
        var forged = parts()[0] + "." + parts()[1] + "." + signature.substring(0, 10) + flipped + signature.substring(11);

        assertRefused(forged);
        assertRefused(parts()[0] + "." + parts()[1] + ".");
        assertRefused(parts()[0] + "." + parts()[1]);
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        var payload = base64url(claimsAsPlatformAdmin().toString());
        for (var header : List.of("{\"alg\":\"none\"}", "{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"alg\":\"None\"}")) {
            assertRefused(base64url(header) + "." + payload + ".");
        }
        assertRefused(base64url("{\"alg\":\"none\"}") + "." + parts()[1] + ".");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        var genuineHeader = SignedJWT.parse(genuine).getHeader();
        var stranger = new RSAKeyGenerator(2048).keyID(genuineHeader.getKeyID()).generate();
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(genuineHeader.getKeyID())
                .type(JOSEObjectType.JWT).build();

        for (var claims : List.of(SignedJWT.parse(genuine).getJWTClaimsSet(), claimsAsPlatformAdmin())) {
            var forged = new SignedJWT(header, claims);
            forged.sign(new RSASSASigner(stranger));
            assertRefused(forged.serialize());
        }
    }

    @Test
    void anHmacTokenKeyedWithThePublishedPublicKeyIsRefused() throws Exception {
        var published = JWKSet.parse(api.get("/.well-known/jwks.json", null).body());
        var publicKey = (RSAKey) published.getKeys().get(0);
        var forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID()).build(),
                claimsAsPlatformAdmin());
        forged.sign(new MACSigner(publicKey.toRSAPublicKey().getEncoded()));

        assertRefused(forged.serialize());
    }

    @Test
    void garbageAndAMissingTokenAreRefused() {
        assertRefused("not-a-token");
        assertRefused("a.b.c");
        var missing = api.get(path, null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().path("code").asString()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void theRefusalTakesTheShapeOfEachSurface() {
        var v2 = api.get("/v2/sessions", "not-a-token");
        var nervoscan = api.post("/check", "not-a-token", Api.body());

        assertThat(v2.status()).isEqualTo(401);
        assertThat(v2.json().path("error").path("code").asString()).isEqualTo("INVALID_TOKEN");
        assertThat(nervoscan.status()).isEqualTo(401);
        assertThat(nervoscan.json().path("success").asBoolean(true)).isFalse();
        assertThat(nervoscan.json().path("error").path("code").asString()).isEqualTo("INVALID_TOKEN");
    }
}
