package io.rppg.adapter.signal.dsp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SceneLightTest {

    private static final double RATE = 30;

    @Test
    void aLampThatBrightensSkinAndWallAlikeIsTheLight() {
        double[] lamp = Signals.sine(1.2, 0.01, 0, 20, RATE);
        double[] skin = new double[lamp.length];
        double[] wall = new double[lamp.length];
        Random noise = new Random(3);
        for (int i = 0; i < lamp.length; i++) {
            skin[i] = 120 * (1 + lamp[i]) + 0.05 * noise.nextGaussian();
            wall[i] = 90 * (1 + lamp[i]) + 0.05 * noise.nextGaussian();
        }

        assertThat(SceneLight.backgroundShare(skin, wall, RATE, 1.2)).isBetween(0.9, 1.1);
    }

    @Test
    void aPulseInTheSkinAloneLeavesTheWallOutOfIt() {
        double[] pulse = Signals.sine(1.2, 0.005, 0, 20, RATE);
        double[] skin = new double[pulse.length];
        double[] wall = new double[pulse.length];
        Random noise = new Random(4);
        for (int i = 0; i < pulse.length; i++) {
            skin[i] = 120 * (1 - pulse[i]) + 0.05 * noise.nextGaussian();
            wall[i] = 90 + 0.05 * noise.nextGaussian();
        }

        assertThat(SceneLight.backgroundShare(skin, wall, RATE, 1.2)).isLessThan(0.1);
    }
}
