package io.rppg.adapter.signal.face;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Anchors, offsets, scores and the weighted merge, on made-up network outputs. */
class BlazeFaceDecoderTest {

    private static final int SIDE = 128;
    private final BlazeFaceDecoder decoder = new BlazeFaceDecoder(SIDE, 0.5, 0.3);

    @Test
    void theAnchorsAreTheCentresOfTwoGridsInOutputOrder() {
        assertThat(BlazeFaceAnchors.COUNT).isEqualTo(896);
        // First grid: 16x16 cells of 8 pixels, two anchors per cell.
        assertThat(BlazeFaceAnchors.x(0)).isEqualTo(4.0 / SIDE);
        assertThat(BlazeFaceAnchors.x(1)).isEqualTo(4.0 / SIDE);
        assertThat(BlazeFaceAnchors.x(2)).isEqualTo(12.0 / SIDE);
        assertThat(BlazeFaceAnchors.y(2 * 16)).isEqualTo(12.0 / SIDE);
        // Second grid: 8x8 cells of 16 pixels, six anchors per cell, from anchor 512 on.
        assertThat(BlazeFaceAnchors.x(512)).isEqualTo(8.0 / SIDE);
        assertThat(BlazeFaceAnchors.x(517)).isEqualTo(8.0 / SIDE);
        assertThat(BlazeFaceAnchors.x(518)).isEqualTo(24.0 / SIDE);
        assertThat(BlazeFaceAnchors.x(895)).isEqualTo(120.0 / SIDE);
        assertThat(BlazeFaceAnchors.y(895)).isEqualTo(120.0 / SIDE);
    }

    @Test
    void anOffsetInInputPixelsMovesTheBoxAndKeypointsFromTheAnchor() {
        float[] regressors = new float[896 * 16];
        float[] logits = silence();
        int anchor = 518;
        logits[anchor] = 2;
        float[] values = {3, -5, 40, 44, -10, -8, 10, -8, 0, 4, 0, 14, -20, 0, 20, 0};
        System.arraycopy(values, 0, regressors, anchor * 16, 16);

        List<BlazeFaceDecoder.Detection> faces = decoder.decode(regressors, logits);

        assertThat(faces).hasSize(1);
        BlazeFaceDecoder.Detection face = faces.getFirst();
        assertThat(face.score()).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-9));
        // Anchor 518 is the second cell of the second grid: centre (24, 8) pixels.
        assertThat(face.left() * SIDE).isCloseTo(24 + 3 - 20, within(1e-9));
        assertThat(face.right() * SIDE).isCloseTo(24 + 3 + 20, within(1e-9));
        assertThat(face.top() * SIDE).isCloseTo(8 - 5 - 22, within(1e-9));
        assertThat(face.bottom() * SIDE).isCloseTo(8 - 5 + 22, within(1e-9));
        assertThat(face.keypointX(0) * SIDE).isCloseTo(24 - 10, within(1e-9));
        assertThat(face.keypointY(0) * SIDE).isCloseTo(8 - 8, within(1e-9));
        assertThat(face.keypointX(5) * SIDE).isCloseTo(24 + 20, within(1e-9));
    }

    @Test
    void scoresBelowTheThresholdAreNoFace() {
        float[] logits = silence();
        logits[100] = -0.1f;

        assertThat(decoder.decode(new float[896 * 16], logits)).isEmpty();
    }

    @Test
    void overlappingDetectionsMergeByScoreAndSeparateOnesStay() {
        BlazeFaceDecoder.Detection strong = detection(0.9, 0.2, 0.2, 0.6, 0.6);
        BlazeFaceDecoder.Detection weak = detection(0.6, 0.25, 0.2, 0.65, 0.6);
        BlazeFaceDecoder.Detection apart = detection(0.7, 0.7, 0.7, 0.9, 0.9);

        List<BlazeFaceDecoder.Detection> merged = decoder.merged(List.of(weak, apart, strong));

        assertThat(merged).hasSize(2);
        BlazeFaceDecoder.Detection first = merged.getFirst();
        assertThat(first.score()).isEqualTo(0.9);
        assertThat(first.left()).isCloseTo((0.9 * 0.2 + 0.6 * 0.25) / 1.5, within(1e-12));
        assertThat(first.right()).isCloseTo((0.9 * 0.6 + 0.6 * 0.65) / 1.5, within(1e-12));
        assertThat(merged.get(1).values()).containsExactly(apart.values(), within(1e-12));
    }

    private static BlazeFaceDecoder.Detection detection(double score, double left, double top, double right,
                                                        double bottom) {
        double[] values = new double[16];
        values[0] = left;
        values[1] = top;
        values[2] = right;
        values[3] = bottom;
        return new BlazeFaceDecoder.Detection(score, values);
    }

    private static float[] silence() {
        float[] logits = new float[896];
        java.util.Arrays.fill(logits, -10);
        return logits;
    }
}
