package io.rppg.archfixture.adapter.web.graphql;

import io.rppg.archfixture.adapter.persistence.ThingStoreAdapter;
import io.rppg.archfixture.adapter.web.v1.ScanController;
import io.rppg.archfixture.application.port.out.LoadThingPort;

/**
 * Breaks the GraphQL rules: it reads through a port out instead of a use case, borrows a REST controller, and
 * reaches into the persistence adapter.
 */
public class LeakyResolver {

    LoadThingPort things;
    ScanController controller;
    ThingStoreAdapter store;
}
