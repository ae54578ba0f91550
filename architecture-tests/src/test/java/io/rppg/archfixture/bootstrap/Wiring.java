package io.rppg.archfixture.bootstrap;

/** The fixture's composition root. */
public class Wiring {
}
