package io.rppg.bootstrap.wiring;

import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.domain.session.ScanSessionId;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** Identifiers from a cryptographic random source: a session id carries 130 random bits. */
@Component
class SecureRandomIdAdapter implements IdGeneratorPort {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int SESSION_RANDOM_CHARACTERS = 26;

    private final SecureRandom random = new SecureRandom();

    @Override
    public UUID newUuid() {
        return UUID.randomUUID();
    }

    @Override
    public ScanSessionId newScanSessionId(Instant createdAt) {
        var text = new char[SESSION_RANDOM_CHARACTERS];
        for (int i = 0; i < text.length; i++) {
            text[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return ScanSessionId.issue(createdAt, new String(text));
    }
}
