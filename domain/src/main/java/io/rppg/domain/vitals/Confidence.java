package io.rppg.domain.vitals;

import io.rppg.domain.Require;

/** 0..1: how much the evidence supports the reported figures. */
public record Confidence(double value) {

    public Confidence {
        Require.within(value, 0, 1, "confidence");
    }
}
