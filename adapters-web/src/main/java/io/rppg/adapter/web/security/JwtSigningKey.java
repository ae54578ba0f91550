package io.rppg.adapter.web.security;

import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key that signs access tokens. Production configures one PEM key for all nodes; without one, a key is
 * generated once and kept in a file beside the data, so tokens survive a restart of a single node.
 */
final class JwtSigningKey {

    private static final Logger log = LoggerFactory.getLogger(JwtSigningKey.class);
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private JwtSigningKey() {
    }

    static RSAKey load(SecurityProperties properties) {
        try {
            if (properties.jwtPrivateKey() != null && !properties.jwtPrivateKey().isBlank()) {
                log.info("Signing access tokens with the configured key (RPPG_JWT_PRIVATE_KEY)");
                return fromPem(properties.jwtPrivateKey());
            }
            var file = properties.jwtKeyFile();
            if (Files.exists(file)) {
                log.info("Signing access tokens with the key kept in {}", file.toAbsolutePath());
                return fromPem(Files.readString(file));
            }
            log.info("No signing key configured: generating one and keeping it in {}", file.toAbsolutePath());
            return generateInto(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the JWT signing key", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the JWT signing key is not a PKCS#8 PEM RSA private key", e);
        }
    }

    private static RSAKey fromPem(String pem) throws GeneralSecurityException {
        var base64 = pem.replace(PEM_BEGIN, "").replace(PEM_END, "").replaceAll("\\s", "");
        var factory = KeyFactory.getInstance("RSA");
        var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        var publicKey = (RSAPublicKey) factory.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return withThumbprintId(new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE));
    }

    private static RSAKey generateInto(Path file) throws GeneralSecurityException, IOException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        var pem = PEM_BEGIN + "\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded())
                + "\n" + PEM_END + "\n";
        var directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        var temporary = Files.createTempFile(directory, "jwt-key", ".tmp");
        try {
            restrictToOwner(temporary);
            Files.writeString(temporary, pem);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return withThumbprintId(new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey(pair.getPrivate()).keyUse(KeyUse.SIGNATURE));
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.debug("File system without POSIX permissions; leaving {} as created", file);
        }
    }

    /** The key id is the key's RFC 7638 thumbprint, so the same key always has the same id on every node. */
    private static RSAKey withThumbprintId(RSAKey.Builder builder) {
        try {
            var thumbprint = builder.build().computeThumbprint().toString();
            return builder.keyID(thumbprint).build();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("could not compute the key id", e);
        }
    }
}
