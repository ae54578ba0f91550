package io.rppg.archfixture.application.port.out;

/** Breaks "ports out are named *Port". */
public interface ThingStore {

    void store();
}
