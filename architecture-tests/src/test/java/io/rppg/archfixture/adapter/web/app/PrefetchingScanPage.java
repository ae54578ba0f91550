package io.rppg.archfixture.adapter.web.app;

import io.rppg.archfixture.application.port.out.LoadThingPort;

/** Breaks "the scan page serves files only": it reads from the application instead of calling the API. */
public class PrefetchingScanPage {

    LoadThingPort things;
}
