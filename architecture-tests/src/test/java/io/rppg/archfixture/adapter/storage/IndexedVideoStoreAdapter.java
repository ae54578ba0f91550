package io.rppg.archfixture.adapter.storage;

import io.rppg.archfixture.adapter.persistence.StoreRepository;

/** Breaks "adapters stay apart": the storage adapter keeps an index through the persistence adapter. */
public class IndexedVideoStoreAdapter {

    StoreRepository index;
}
