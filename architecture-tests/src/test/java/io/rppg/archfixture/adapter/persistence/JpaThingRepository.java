package io.rppg.archfixture.adapter.persistence;

import io.rppg.archfixture.application.port.out.LoadThingPort;

/** Breaks "port implementations are adapters": implements a port but is not named *Adapter. */
public class JpaThingRepository implements LoadThingPort {

    @Override
    public Object load() {
        return this;
    }
}
