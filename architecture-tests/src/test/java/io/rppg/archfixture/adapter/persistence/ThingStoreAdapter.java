package io.rppg.archfixture.adapter.persistence;

/** A well-behaved adapter that the fixture's composition root builds itself. */
public class ThingStoreAdapter {
}
