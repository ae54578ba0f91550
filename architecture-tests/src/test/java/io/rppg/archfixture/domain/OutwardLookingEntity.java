package io.rppg.archfixture.domain;

import io.rppg.archfixture.application.service.ThingService;

/** Breaks "rings point inwards": the domain reaching out to the application. */
public class OutwardLookingEntity {

    ThingService service;
}
