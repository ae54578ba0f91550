package io.rppg.archfixture.adapter.web;

import io.rppg.archfixture.bootstrap.Wiring;

/** Breaks "no ring sees the bootstrap". */
public class ConfigPeekingAdapter {

    Wiring wiring;
}
