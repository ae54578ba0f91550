package io.rppg.application.fakes;

import io.rppg.application.port.out.ScanSessionChangesPort;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A scan-session change feed the test speaks for: nothing arrives unless the test publishes it. */
public final class InMemoryScanSessionChanges implements ScanSessionChangesPort {

    private final List<Consumer<ScanSessionChange>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void subscribe(Consumer<ScanSessionChange> listener) {
        listeners.add(listener);
    }

    public void publish(ScanSessionChange change) {
        listeners.forEach(listener -> listener.accept(change));
    }
}
