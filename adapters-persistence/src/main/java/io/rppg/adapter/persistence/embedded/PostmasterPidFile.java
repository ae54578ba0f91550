package io.rppg.adapter.persistence.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code postmaster.pid} in a data directory says about the server running on it: its process id on the first
 * line, its data directory on the second.
 */
record PostmasterPidFile(Path file, long pid, Path dataDirectory) {

    static final String FILE_NAME = "postmaster.pid";

    /** Empty when there is no such file, or when it is too short to tell (a server still writing it). */
    static Optional<PostmasterPidFile> in(Path dataDirectory) {
        var file = dataDirectory.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            var lines = Files.readAllLines(file);
            if (lines.size() < 2 || lines.get(0).isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new PostmasterPidFile(file, Long.parseLong(lines.get(0).trim()),
                    Path.of(lines.get(1).trim())));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    /** Whether the live process of this file is a PostgreSQL server of {@code directory}, not some later user of its id. */
    boolean isPostgresOf(Path directory) {
        var command = process().flatMap(handle -> handle.info().command());
        return command.isPresent() && isPostgresExecutable(command.get()) && sameDirectory(dataDirectory, directory);
    }

    /** Whether a live process holds the file's id and is known to be something else than a PostgreSQL server. */
    boolean isHeldByAnotherProgram() {
        var command = process().flatMap(handle -> handle.info().command());
        return command.isPresent() && !isPostgresExecutable(command.get());
    }

    private static boolean isPostgresExecutable(String command) {
        var name = Path.of(command).getFileName().toString();
        return name.equals("postgres") || name.equals("postgres.exe");
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
