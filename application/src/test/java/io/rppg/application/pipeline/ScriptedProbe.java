package io.rppg.application.pipeline;

import io.rppg.application.port.out.VideoProbePort;
import io.rppg.application.port.out.VideoProbePort.ProbeResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** Opens what the in-memory storage holds: a video is unreadable when its bytes carry the truncation mark. */
public final class ScriptedProbe implements VideoProbePort {

    private final InMemoryVideoStorage storage;
    private int probes;

    public ScriptedProbe(InMemoryVideoStorage storage) {
        this.storage = storage;
    }

    @Override
    public ProbeResult probe(Path video) {
        probes++;
        var text = new String(storage.bytes(video), StandardCharsets.ISO_8859_1);
        return text.contains(Videos.TRUNCATED_MARK)
                ? new ProbeResult.Unreadable("moov atom not found")
                : new ProbeResult.Readable(Duration.ofSeconds(20));
    }

    public int probes() {
        return probes;
    }
}
