package io.rppg.adapter.signal.method;

/**
 * Casado and López 2023, "Face2PPG" (orthogonal matrix image transformation): each window's colour matrix is
 * factorised by QR, the first orthonormal direction (the window's opening colour, which carries the skin tone) is
 * projected out, and the green component of what remains is the pulse. Like {@link Lgi}, but the direction comes
 * from one decomposition instead of an eigenvector search, so it costs less.
 */
public final class Omit extends SkinToneProjection {

    @Override
    public String name() {
        return "omit";
    }

    /**
     * The first column of Q in the QR factorisation of the 3 x window colour matrix: its first column (the colour
     * at the window's start) scaled to unit length; a black first sample leaves nothing to project out.
     */
    @Override
    double[] skinToneDirection(double[][] rgb, int from, int length) {
        double r = rgb[0][from], g = rgb[1][from], b = rgb[2][from];
        double norm = Math.sqrt(r * r + g * g + b * b);
        return norm == 0 ? new double[]{0, 0, 0} : new double[]{r / norm, g / norm, b / norm};
    }
}
