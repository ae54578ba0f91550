package io.rppg.adapter.signal.probe;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.rppg.application.port.out.VideoProbePort.ProbeResult;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Probes one file in a JVM of its own, so that a test can capture everything that reaches this process's standard
 * error, natively written bytes included. Prints to standard output the probe's result and each message the
 * {@code ffmpeg} logger received, which it keeps to itself at debug level.
 */
public final class ProbeInItsOwnProcess {

    private ProbeInItsOwnProcess() {
    }

    public static void main(String[] args) {
        Logger ffmpeg = (Logger) LoggerFactory.getLogger("ffmpeg");
        ListAppender<ILoggingEvent> received = new ListAppender<>();
        received.start();
        ffmpeg.addAppender(received);
        ffmpeg.setLevel(Level.DEBUG);
        ffmpeg.setAdditive(false);

        ProbeResult result = new FfmpegVideoProbeAdapter().probe(Path.of(args[0]));

        System.out.println("result " + result.getClass().getSimpleName());
        received.list.forEach(event -> System.out.println("ffmpeg " + event.getFormattedMessage()));
    }
}
