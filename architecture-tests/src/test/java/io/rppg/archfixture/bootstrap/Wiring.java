package io.rppg.archfixture.bootstrap;

import io.rppg.archfixture.adapter.persistence.ThingStoreAdapter;

/** The fixture's composition root; breaks "adapters are wired by their own module" by building one. */
public class Wiring {

    Object thingStore() {
        return new ThingStoreAdapter();
    }
}
