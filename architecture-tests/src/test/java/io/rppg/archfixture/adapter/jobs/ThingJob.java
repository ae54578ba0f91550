package io.rppg.archfixture.adapter.jobs;

import io.rppg.archfixture.adapter.web.ReachingController;

/** Breaks "adapters stay apart": the jobs adapter uses the web adapter directly. */
public class ThingJob {

    ReachingController controller;
}
