package io.rppg.archfixture.application.port.in;

/** Breaks "ports in are use cases or queries": its name says neither. */
public interface ThingHandler {

    void handle();
}
