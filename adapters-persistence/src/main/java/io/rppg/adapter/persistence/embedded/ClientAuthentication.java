package io.rppg.adapter.persistence.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The embedded server's {@code pg_hba.conf}, written on every start: every role proves its password with SCRAM, on
 * the loopback addresses and on the Unix socket alike. {@code initdb} trusts every local caller, which would let anyone
 * on the machine in as a superuser, past row-level security; a replaced file also upgrades data directories made by
 * earlier versions.
 */
final class ClientAuthentication {

    static final String FILE_NAME = "pg_hba.conf";

    static final String PASSWORDS_REQUIRED = """
            # Written by the rPPG platform on every start of its embedded PostgreSQL; edits are lost.
            # Every connection proves its role's password (kept in the file pgpass beside this one).
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private ClientAuthentication() {
    }

    static void requirePasswords(Path dataDirectory) {
        var file = dataDirectory.resolve(FILE_NAME);
        try {
            var draft = EmbeddedCredentials.ownerOnlyFile(dataDirectory, FILE_NAME);
            Files.writeString(draft, PASSWORDS_REQUIRED, StandardCharsets.UTF_8);
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
