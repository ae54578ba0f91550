package io.rppg.adapter.signal.face;

/**
 * The anchor centres of BlazeFace's short-range model, in the order of its 896 outputs, as fractions of the input's
 * side. MediaPipe's SSD anchor options for that model (strides 8, 16, 16, 16 on a 128-pixel input, two anchors per
 * layer, fixed anchor size) come down to two grids, since the three layers of stride 16 share theirs: 16x16 cells
 * with 2 anchors each, then 8x8 cells with 6 anchors each. Every anchor of a cell sits at the cell's centre and has
 * the size 1, so the network's offsets are plain distances in input pixels.
 */
final class BlazeFaceAnchors {

    /** Cells per side and anchors per cell of each grid, in output order. */
    private static final int[][] GRIDS = {{16, 2}, {8, 6}};

    static final int COUNT;
    private static final double[] X;
    private static final double[] Y;

    static {
        int count = 0;
        for (int[] grid : GRIDS) {
            count += grid[0] * grid[0] * grid[1];
        }
        COUNT = count;
        X = new double[count];
        Y = new double[count];
        int i = 0;
        for (int[] grid : GRIDS) {
            int cells = grid[0];
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int a = 0; a < grid[1]; a++) {
                        X[i] = (x + 0.5) / cells;
                        Y[i] = (y + 0.5) / cells;
                        i++;
                    }
                }
            }
        }
    }

    private BlazeFaceAnchors() {
    }

    static double x(int anchor) {
        return X[anchor];
    }

    static double y(int anchor) {
        return Y[anchor];
    }
}
