package io.rppg.adapter.persistence.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A server left running on a data directory by a node that died without stopping it (killed with SIGKILL, or its
 * machine's OOM killer). PostgreSQL refuses to start a second server on the same directory, so the node that starts
 * next stops it first.
 *
 * <p>Only call this while holding the data directory's lock: then no live node owns the server found there.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    /** A fast shutdown ends the sessions and writes a checkpoint: seconds, even with clients still connected. */
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);
    /** An immediate shutdown skips the checkpoint; the next start replays the log. */
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(10);

    private OrphanedPostmaster() {
    }

    static void stopIfAny(Path dataDirectory) {
        var pidFile = PostmasterPidFile.in(dataDirectory);
        if (pidFile.isEmpty()) {
            return;
        }
        var found = pidFile.get();
        if (found.isPostgresOf(dataDirectory)) {
            log.warn("The embedded PostgreSQL (pid {}) of a node that ended without stopping it still runs on {}; "
                    + "stopping it", found.pid(), dataDirectory);
            stop(found.pid());
        } else if (found.isHeldByAnotherProgram()) {
            // The server died with its node and another program now has its process id: PostgreSQL would take that
            // program for a server still running and refuse to start.
            log.warn("Removing the stale {} of a server that is gone (pid {} is another program now)",
                    found.file(), found.pid());
            delete(found.file());
        }
    }

    private static void stop(long pid) {
        // SIGINT asks PostgreSQL for a fast shutdown, SIGQUIT for an immediate one (see "Shutting Down the Server").
        signal(pid, "INT");
        if (awaitExit(pid, FAST_SHUTDOWN)) {
            return;
        }
        signal(pid, "QUIT");
        if (!awaitExit(pid, IMMEDIATE_SHUTDOWN)) {
            throw new IllegalStateException("the PostgreSQL server left running (pid " + pid + ") does not stop");
        }
    }

    static void signal(long pid, String signal) {
        try {
            // The shell's own kill: no separate binary needed, and the pid is a number, so nothing to quote.
            var kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + pid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("could not signal process " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling process " + pid, e);
        }
    }

    private static boolean awaitExit(long pid, Duration patience) {
        var deadline = Instant.now().plus(patience);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for process " + pid + " to stop", e);
            }
        }
        return true;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + file, e);
        }
    }
}
