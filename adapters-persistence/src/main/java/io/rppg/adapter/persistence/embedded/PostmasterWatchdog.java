package io.rppg.adapter.persistence.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.util.Optional;

/**
 * Stops the embedded server within about a second of its node's JVM ending in a way that runs no shutdown hook
 * ({@code kill -9}, the OOM killer). {@code pg_ctl} detaches the server from the JVM, and Java cannot ask the kernel
 * to signal a child on its parent's death, so a small shell outside the JVM watches it instead: it polls the JVM's
 * process id once a second and then asks the server for a fast shutdown. It signals only the server it was started
 * for, never "whatever runs on the directory", so it cannot stop the server of a node started since.
 */
final class PostmasterWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostmasterWatchdog.class);

    private final Process shell;

    private PostmasterWatchdog(Process shell) {
        this.shell = shell;
    }

    /** Empty where there is no POSIX shell (Windows): there the server outlives a killed JVM until the next start. */
    static Optional<PostmasterWatchdog> watch(long postmasterPid) {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            log.warn("No watchdog for the embedded PostgreSQL on Windows: if this JVM is killed, the next start stops it");
            return Optional.empty();
        }
        long jvm = ProcessHandle.current().pid();
        var script = "while kill -0 " + jvm + " 2>/dev/null; do sleep 1; done; kill -INT " + postmasterPid
                + " 2>/dev/null";
        try {
            // No pipes to the JVM: writing to a pipe whose reader died would end the shell before its work.
            var shell = new ProcessBuilder("sh", "-c", script)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.of(new PostmasterWatchdog(shell));
        } catch (IOException e) {
            log.warn("Could not start the watchdog of the embedded PostgreSQL: if this JVM is killed, the server "
                    + "runs on until the next start stops it", e);
            return Optional.empty();
        }
    }

    long pid() {
        return shell.pid();
    }

    /** Called before the server is stopped the ordinary way. */
    @Override
    public void close() {
        shell.destroy();
    }
}
