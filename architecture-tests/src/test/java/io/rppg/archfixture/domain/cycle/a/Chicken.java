package io.rppg.archfixture.domain.cycle.a;

import io.rppg.archfixture.domain.cycle.b.Egg;

/** Breaks "no package cycles", together with {@link Egg}. */
public class Chicken {

    Egg layed;
}
