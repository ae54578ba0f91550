package io.rppg.archfixture.application.port.out;

/** A well-named port, implemented below by a badly named class. */
public interface LoadThingPort {

    Object load();
}
