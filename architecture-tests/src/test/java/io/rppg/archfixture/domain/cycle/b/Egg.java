package io.rppg.archfixture.domain.cycle.b;

import io.rppg.archfixture.domain.cycle.a.Chicken;

/** Breaks "no package cycles", together with {@link Chicken}. */
public class Egg {

    Chicken hatched;
}
