package io.rppg.archfixture.adapter.web;

import io.rppg.archfixture.application.service.ThingService;

/** Breaks "adapters use ports only": the web adapter calls an application service instead of a port in. */
public class ServiceCallingController {

    ThingService service;
}
