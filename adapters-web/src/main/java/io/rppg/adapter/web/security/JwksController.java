package io.rppg.adapter.web.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

/** The public half of the signing key, so that other services can verify this platform's access tokens. */
@RestController
class JwksController {

    private final Map<String, Object> publicKeys;

    JwksController(RSAKey jwtSigningKey) {
        this.publicKeys = new JWKSet(jwtSigningKey.toPublicJWK()).toJSONObject(true);
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/json")
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(publicKeys);
    }
}
