package io.rppg.archfixture.adapter.persistence;

/** An adapter class that another adapter wrongly uses. */
public class StoreRepository {
}
