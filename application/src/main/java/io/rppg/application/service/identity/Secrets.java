package io.rppg.application.service.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random secrets and their digests. API keys and refresh tokens carry far more entropy than a password, so a plain
 * SHA-256 is the right hash for them: fast to check on every request, and infeasible to reverse.
 */
public final class Secrets {

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** {@code length} characters of base62: about 5.95 bits each. */
    public static String randomBase62(int length) {
        var text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(text);
    }

    public static String sha256(String secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
