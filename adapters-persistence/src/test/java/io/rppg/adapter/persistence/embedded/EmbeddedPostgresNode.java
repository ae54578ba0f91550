package io.rppg.adapter.persistence.embedded;

import java.nio.file.Path;

/**
 * A node reduced to its embedded PostgreSQL, run in a JVM of its own by the crash tests: it starts the server on the
 * directory it is given, says {@value #READY} with the port, and runs until it is killed.
 */
public final class EmbeddedPostgresNode {

    static final String READY = "EMBEDDED POSTGRES READY ON PORT ";

    private EmbeddedPostgresNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        var server = EmbeddedPostgresServer.start(Path.of(args[0]), false);
        System.out.println(READY + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
