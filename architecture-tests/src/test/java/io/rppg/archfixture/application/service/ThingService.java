package io.rppg.archfixture.application.service;

/** A harmless service the broken domain reaches for. */
public class ThingService {
}
