package io.rppg.bootstrap.identity;

import com.nimbusds.jwt.SignedJWT;
import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rppg.bootstrap.identity.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Logging in on the Nervoscan and v2 surfaces, and renewing tokens, over HTTP on the real database. */
class LoginEndpointsTest extends PlatformTest {

    private Api api;
    private Api.Account member;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        member = api.createUser(api.createTenant(), "member");
    }

    private static void assertCanAdministerOwnTenant(Api api, String accessToken, Api.Account user, int expected) {
        assertThat(api.get("/api/v1/admin/tenants/" + user.tenantId() + "/users", accessToken).status())
                .isEqualTo(expected);
    }

    @Test
    void nervoscanLoginByUsername() throws Exception {
        var response = api.nervoscanLogin(member.username(), member.password());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().path("success").asBoolean()).isTrue();
        assertThat(response.text("access_token")).isNotBlank();
        assertThat(response.text("refresh_token")).isNotBlank();
        var claims = SignedJWT.parse(response.text("access_token")).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(member.id());
        assertThat(claims.getStringClaim("tenant_id")).isEqualTo(member.tenantId());
        assertThat(claims.getStringListClaim("roles")).containsExactly("MEMBER");
        assertThat(claims.getIssuer()).isEqualTo("rppg-platform");
    }

    @Test
    void nervoscanLoginByEmailInAnyCase() {
        var response = api.nervoscanLogin(member.email().toUpperCase(), member.password());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("success").asBoolean()).isTrue();
        assertThat(response.text("access_token")).isNotBlank();
        assertThat(response.text("refresh_token")).isNotBlank();
    }

    @Test
    void nervoscanTellsAnUnknownUsernameFromAWrongPassword() {
        var unknown = api.nervoscanLogin("nobody-" + Api.random(), member.password());
        var wrong = api.nervoscanLogin(member.username(), "not the password");

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("success").asBoolean()).isFalse();
        assertThat(unknown.json().path("error").path("code").asString()).isEqualTo("INVALID_USERNAME");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("success").asBoolean()).isFalse();
        assertThat(wrong.json().path("error").path("code").asString()).isEqualTo("INVALID_PASSWORD");
        assertThat(wrong.json().has("access_token")).isFalse();
    }

    @Test
    void nervoscanRefusesARequestWithoutCredentials() {
        var response = api.post("/clientlogin", null, body("username", member.username()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("code").asString()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void v2LoginOnBothPathsReturnsABearerJwt() throws Exception {
        for (var path : List.of("/v2/auth/login", "/api/v2/auth/login")) {
            var response = api.post(path, null, body("email", member.email(), "password", member.password()));

            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.text("token_type")).isEqualTo("Bearer");
            assertThat(response.json().path("expires_in").asLong()).isBetween(800L, 900L);
            assertThat(response.text("refresh_token")).isNotBlank();
            var jwt = SignedJWT.parse(response.text("access_token"));
            assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
            assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(member.id());
        }
    }

    @Test
    void v2RefusesWrongCredentialsInItsEnvelopeWithoutSayingWhich() {
        var wrongPassword = api.v2Login(member.email(), "not the password");
        var unknownEmail = api.post("/api/v2/auth/login", null,
                body("email", "nobody-" + Api.random() + "@clinic.test", "password", member.password()));

        for (var response : List.of(wrongPassword, unknownEmail)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/json");
            var error = response.json().path("error");
            assertThat(error.path("code").asString()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(error.path("message").asString()).isNotBlank();
            assertThat(error.has("details")).isTrue();
            assertThat(error.path("request_id").asString()).isNotBlank();
            assertThat(error.path("timestamp").asString()).isNotBlank();
        }
        assertThat(wrongPassword.json().path("error").path("message"))
                .isEqualTo(unknownEmail.json().path("error").path("message"));
    }

    @Test
    void v2RefusesALoginWithoutEmail() {
        var response = api.post("/v2/auth/login", null, body("password", member.password()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("email");
    }

    @Test
    void nervoscanRefreshTakesTheRefreshTokenAsBearer() {
        var login = api.nervoscanLogin(member.username(), member.password());

        var refreshed = api.post("/refresh", login.text("refresh_token"), "");

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().path("success").asBoolean()).isTrue();
        var access = refreshed.text("access_token");
        assertThat(access).isNotBlank().isNotEqualTo(login.text("access_token"));
        assertThat(refreshed.text("refresh_token")).isNotBlank().isNotEqualTo(login.text("refresh_token"));
        assertThat(api.get(Api.unmappedV1Path(), access).status()).isEqualTo(404);
    }

    @Test
    void nervoscanRefreshRefusesAMissingOrUnknownToken() {
        var missing = api.post("/refresh", null, "");
        var unknown = api.post("/refresh", "no-such-refresh-token", "");

        for (var response : List.of(missing, unknown)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().path("success").asBoolean()).isFalse();
            assertThat(response.json().path("error").path("code").asString()).isEqualTo("INVALID_TOKEN");
        }
    }

    @Test
    void anAccessTokenIsNotARefreshToken() {
        var login = api.nervoscanLogin(member.username(), member.password());

        assertThat(api.post("/refresh", login.text("access_token"), "").status()).isEqualTo(401);
    }

    @Test
    void v2RefreshRotatesTheRefreshToken() {
        var tokens = api.logIn(member.email(), member.password());

        var refreshed = api.post("/v2/auth/refresh", null, body("refresh_token", tokens.refresh()));

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.text("access_token")).isNotBlank();
        assertThat(refreshed.text("refresh_token")).isNotEqualTo(tokens.refresh());
    }

    @Test
    void aSpentRefreshTokenComingBackRevokesItsWholeFamily() {
        var login = api.nervoscanLogin(member.username(), member.password());
        var first = login.text("refresh_token");
        var otherDevice = api.logIn(member.username(), member.password());
        var successor = api.post("/refresh", first, "");
        assertThat(successor.status()).isEqualTo(200);

        var replay = api.post("/refresh", first, "");

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().path("error").path("code").asString()).isEqualTo("INVALID_TOKEN");
        assertThat(replay.json().path("error").path("message").asString()).contains("already used");
        var successorAfterReplay = api.post("/refresh", successor.text("refresh_token"), "");
        assertThat(successorAfterReplay.status()).isEqualTo(401);
        assertThat(successorAfterReplay.json().path("error").path("code").asString()).isEqualTo("INVALID_TOKEN");
        assertThat(api.post("/v2/auth/refresh", null, body("refresh_token", successor.text("refresh_token"))).status())
                .isEqualTo(401);
        // another login's family is untouched
        assertThat(api.post("/refresh", otherDevice.refresh(), "").status()).isEqualTo(200);
    }

    @Test
    void theSeededPlatformAdminLogsInWithTheEmailAsUsername() throws Exception {
        var nervoscan = api.nervoscanLogin(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        var v2 = api.v2Login(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);

        assertThat(nervoscan.status()).isEqualTo(200);
        assertThat(v2.status()).isEqualTo(200);
        var claims = SignedJWT.parse(nervoscan.text("access_token")).getJWTClaimsSet();
        assertThat(claims.getStringClaim("username")).isEqualTo(Api.ADMIN_EMAIL);
        assertThat(claims.getStringListClaim("roles")).containsExactly("PLATFORM_ADMIN");
        assertThat(claims.getClaim("tenant_id")).isNull();
        assertThat(api.get("/api/v1/admin/tenants", nervoscan.text("access_token")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/plans", v2.text("access_token")).status()).isEqualTo(200);
    }

    @Test
    void aTenantAdminsTokenAdministersTheirTenant() {
        var admin = api.createUser(member.tenantId(), "tenant_admin");
        var tokens = api.logIn(admin.username(), admin.password());

        assertCanAdministerOwnTenant(api, tokens.access(), admin, 200);
        assertCanAdministerOwnTenant(api, "not-a-token", admin, 401);
    }

    @Test
    void noLoginOrRefreshAnswerCarriesAPasswordHash() {
        var answers = List.of(
                api.nervoscanLogin(member.username(), member.password()),
                api.v2Login(member.email(), member.password()),
                api.v2Login(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD));
        var refreshed = api.post("/refresh", answers.get(0).text("refresh_token"), "");

        for (var answer : List.of(answers.get(0), answers.get(1), answers.get(2), refreshed)) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).doesNotContain("$2a$", "$2b$", "$2y$", "password", member.password());
        }
    }

    @Test
    void anOverlongLoginIsAnUnknownUsernameNotAnError() {
        var nervoscan = api.nervoscanLogin("a".repeat(500), member.password());

        assertThat(nervoscan.status()).as(nervoscan.toString()).isEqualTo(401);
        assertThat(nervoscan.json().path("error").path("code").asString()).isEqualTo("INVALID_USERNAME");
    }

    @Test
    void anOverlongPasswordIsAWrongPasswordNotAnError() {
        var nervoscan = api.nervoscanLogin(member.username(), "p".repeat(200));

        assertThat(nervoscan.status()).as(nervoscan.toString()).isEqualTo(401);
        assertThat(nervoscan.json().path("error").path("code").asString()).isEqualTo("INVALID_PASSWORD");
    }
}
