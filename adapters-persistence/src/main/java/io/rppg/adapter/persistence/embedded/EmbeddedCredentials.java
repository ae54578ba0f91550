package io.rppg.adapter.persistence.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The passwords of the embedded server's two roles, generated once and kept in the data directory as a
 * <a href="https://www.postgresql.org/docs/current/libpq-pgpass.html">password file</a> that only its owner may read,
 * so that an operator can hand it to {@code psql} as {@code PGPASSFILE}.
 *
 * @param superuserPassword   of {@value EmbeddedPostgresServer#SUPERUSER}, which prepares the database on start
 * @param applicationPassword of {@value EmbeddedPostgresServer#ROLE}, which the platform connects as
 */
record EmbeddedCredentials(String superuserPassword, String applicationPassword) {

    static final String FILE_NAME = "pgpass";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    static EmbeddedCredentials generate() {
        return new EmbeddedCredentials(secret(), secret());
    }

    /** The credentials kept in a data directory, if it has any (older data directories trusted every local caller). */
    static Optional<EmbeddedCredentials> readFrom(Path dataDirectory) {
        var file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            restrictToOwner(file);
            String superuser = null;
            String application = null;
            for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                var fields = line.split(":", 5);
                if (fields.length == 5 && fields[3].equals(EmbeddedPostgresServer.SUPERUSER)) {
                    superuser = fields[4];
                } else if (fields.length == 5 && fields[3].equals(EmbeddedPostgresServer.ROLE)) {
                    application = fields[4];
                }
            }
            if (superuser == null || application == null) {
                throw new IllegalStateException(file + " lacks the password of " + EmbeddedPostgresServer.SUPERUSER
                        + " or " + EmbeddedPostgresServer.ROLE);
            }
            return Optional.of(new EmbeddedCredentials(superuser, application));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** Writes the password file whole or not at all: it is created readable by its owner only, then moved in place. */
    void writeTo(Path dataDirectory) {
        var file = dataDirectory.resolve(FILE_NAME);
        var text = line(EmbeddedPostgresServer.SUPERUSER, superuserPassword)
                + line(EmbeddedPostgresServer.ROLE, applicationPassword);
        try {
            var draft = ownerOnlyFile(dataDirectory, FILE_NAME);
            Files.writeString(draft, text, StandardCharsets.UTF_8);
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** A file for one secret: created with owner-only permissions, so it is never readable by others, not even briefly. */
    static Path ownerOnlyFile(Path directory, String prefix) throws IOException {
        if (!isPosix()) {
            return Files.createTempFile(directory, prefix, ".tmp");
        }
        return Files.createTempFile(directory, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }

    /** Any host, port and database: the file is only ever used for this one server. */
    private static String line(String role, String password) {
        return "*:*:*:" + role + ":" + password + "\n";
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (isPosix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** 256 random bits in hex: nothing a password file or SQL would need to escape. */
    private static String secret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[secrets hidden]";
    }
}
