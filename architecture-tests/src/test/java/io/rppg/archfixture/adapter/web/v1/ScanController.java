package io.rppg.archfixture.adapter.web.v1;

import io.rppg.archfixture.adapter.web.live.PeekingLiveHandler;

/** Breaks "no REST surface reaches into the live socket": it holds the socket's handler. */
public class ScanController {

    PeekingLiveHandler handler;
}
