package io.rppg.archfixture.adapter.grpc;

import io.rppg.archfixture.adapter.web.ReachingController;
import io.rppg.archfixture.application.service.ThingService;

/**
 * Breaks two rules at once: the gRPC adapter borrows the web adapter's controller instead of calling the port it
 * calls, and holds an application service instead of a port in.
 */
public class BorrowingScanService {

    ReachingController controller;
    ThingService service;
}
