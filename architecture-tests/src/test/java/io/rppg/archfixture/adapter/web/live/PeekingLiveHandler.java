package io.rppg.archfixture.adapter.web.live;

import io.rppg.archfixture.adapter.web.v1.ScanController;

/** Breaks "the live socket uses no other surface": it borrows a REST controller. */
public class PeekingLiveHandler {

    ScanController controller;
}
