package io.rppg.adapter.signal;

import io.rppg.adapter.signal.face.RegionStep;

import java.util.Arrays;
import java.util.List;

/**
 * Each skin region's part in every sample's change of the joined colour ({@link RegionStep}), kept beside the
 * {@link SkinTrace} so that its stretches can be joined again with weights that follow each region's quality
 * ({@link RegionWeighting}). Empty for a trace measured elsewhere, which carries the joined colour alone.
 */
final class RegionSteps {

    static final int MAX_REGIONS = 3;

    /*
     * Kept as floats: a step is a fraction of a level and a weight a count of skin points, both far within a float's
     * precision, and 180 s of video keep 12 numbers a picture.
     */
    private final float[][] weight = new float[MAX_REGIONS][];
    /** Per region and channel (red, green, blue). */
    private final float[][][] step = new float[MAX_REGIONS][3][];
    private int regions;
    private int capacity;

    /** Records the steps of sample {@code index}; the samples before it without any are empty. */
    void put(int index, List<RegionStep> steps) {
        if (steps.size() > MAX_REGIONS) {
            throw new IllegalArgumentException("at most " + MAX_REGIONS + " skin regions: " + steps.size());
        }
        if (steps.isEmpty()) {
            return;
        }
        ensure(index + 1);
        regions = Math.max(regions, steps.size());
        for (int r = 0; r < steps.size(); r++) {
            RegionStep s = steps.get(r);
            weight[r][index] = (float) s.weight();
            step[r][0][index] = (float) s.red();
            step[r][1][index] = (float) s.green();
            step[r][2][index] = (float) s.blue();
        }
    }

    private void ensure(int size) {
        if (size <= capacity) {
            return;
        }
        int grown = Math.max(size, Math.max(1024, capacity * 2));
        for (int r = 0; r < MAX_REGIONS; r++) {
            weight[r] = weight[r] == null ? new float[grown] : Arrays.copyOf(weight[r], grown);
            for (int c = 0; c < 3; c++) {
                step[r][c] = step[r][c] == null ? new float[grown] : Arrays.copyOf(step[r][c], grown);
            }
        }
        capacity = grown;
    }

    /** How many regions gave steps (0 for a trace without them). */
    int regions() {
        return regions;
    }

    /** Region {@code region}'s weight in sample {@code index}: 0 when it gave no step there. */
    double weight(int region, int index) {
        return index < capacity ? weight[region][index] : 0;
    }

    /** Region {@code region}'s step in channel {@code channel} (0 red, 1 green, 2 blue) at sample {@code index}. */
    double step(int region, int channel, int index) {
        return index < capacity ? step[region][channel][index] : 0;
    }
}
