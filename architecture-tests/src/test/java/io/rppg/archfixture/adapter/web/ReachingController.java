package io.rppg.archfixture.adapter.web;

import io.rppg.archfixture.adapter.persistence.StoreRepository;

/** Breaks "adapters stay apart": the web adapter uses the persistence adapter directly. */
public class ReachingController {

    StoreRepository repository;
}
