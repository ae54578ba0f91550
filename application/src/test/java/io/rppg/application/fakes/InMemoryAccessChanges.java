package io.rppg.application.fakes;

import io.rppg.application.port.out.AccessChangesPort;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** An access-change feed the test speaks for: nothing arrives unless the test publishes it. */
public final class InMemoryAccessChanges implements AccessChangesPort {

    private final List<Consumer<AccessChange>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void subscribe(Consumer<AccessChange> listener) {
        listeners.add(listener);
    }

    public void publish(AccessChange change) {
        listeners.forEach(listener -> listener.accept(change));
    }
}
