package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Follows the face's up-and-down movement to a fraction of a pixel, which breathing causes. The luma profile
 * along the upright vertical axis of the face, taken once as a reference, is searched for in each picture within
 * a margin of a third of the face's height; the best shift, refined on a parabola, is the position. Only when the
 * head leaves that margin is a new reference taken (the position carries over), so the breathing signal is not
 * buried under the random walk that frequent re-anchoring would add.
 */
public final class VerticalMotion {

    private static final double MARGIN = 0.33;
    /** Shifts, in pixels either side of the last one, searched before the whole margin. */
    private static final int NEAR = 4;

    private Box window;
    private double[] reference;
    private int margin;
    private double referencePosition;
    private double position;
    /** The shifts' costs and a row of luma, kept between pictures: the motion is measured on every picture. */
    private double[] cost = new double[0];
    private byte[] row = new byte[0];

    /** The vertical position in upright pixels (down is positive), continuous across new references. */
    public double measure(YuvPicture picture, Box storedFace, Orientation orientation) {
        if (window != null) {
            double[] profile = profile(picture, window, orientation, margin);
            if (profile.length == reference.length + 2 * margin) {
                double shift = shift(profile);
                position = referencePosition + shift;
                if (Math.abs(shift) < 0.8 * margin) {
                    return position;
                }
            }
        }
        int newMargin = (int) Math.round(MARGIN * (orientation.swapsAxes() ? storedFace.width() : storedFace.height()));
        double[] profile = profile(picture, storedFace, orientation, 0);
        if (profile.length >= 16 && newMargin >= 2) {
            window = storedFace;
            reference = profile;
            margin = newMargin;
            referencePosition = position;
        }
        return position;
    }

    /**
     * The shift of the reference within the wider profile, by least squares, refined on a parabola. Heads move
     * little between pictures, so the search starts near the last shift and widens to the whole margin only when
     * the best fit lies at the edge of that neighbourhood.
     */
    private double shift(double[] profile) {
        int last = (int) Math.round(position - referencePosition) + margin;
        int lo = Math.max(0, Math.min(2 * margin, last - NEAR));
        int hi = Math.max(lo, Math.min(2 * margin, last + NEAR));
        if (cost.length != 2 * margin + 1) {
            cost = new double[2 * margin + 1];
        }
        java.util.Arrays.fill(cost, Double.NaN);
        int best = bestShift(profile, cost, lo, hi);
        if ((best == lo && lo > 0) || (best == hi && hi < 2 * margin)) {
            best = bestShift(profile, cost, 0, 2 * margin);
        }
        double refined = best - margin;
        if (best > 0 && best < cost.length - 1) {
            double left = costAt(profile, cost, best - 1);
            double right = costAt(profile, cost, best + 1);
            double curvature = left - 2 * cost[best] + right;
            if (curvature > 0) {
                refined += Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature));
            }
        }
        return refined;
    }

    private int bestShift(double[] profile, double[] cost, int from, int to) {
        int best = from;
        for (int s = from; s <= to; s++) {
            if (costAt(profile, cost, s) < cost[best]) {
                best = s;
            }
        }
        return best;
    }

    private double costAt(double[] profile, double[] cost, int s) {
        if (Double.isNaN(cost[s])) {
            double sum = 0;
            for (int i = 0; i < reference.length; i++) {
                double d = profile[i + s] - reference[i];
                sum += d * d;
            }
            cost[s] = sum;
        }
        return cost[s];
    }

    /**
     * Summed luma of each upright row of the middle half of the box, top to bottom, extended by {@code extra} rows
     * above and below; empty when that reaches outside the picture.
     */
    private double[] profile(YuvPicture picture, Box box, Orientation orientation, int extra) {
        boolean alongRows = !orientation.swapsAxes();
        int x0 = (int) Math.round(box.x()) - (alongRows ? 0 : extra);
        int x1 = (int) Math.round(box.x() + box.width()) + (alongRows ? 0 : extra);
        int y0 = (int) Math.round(box.y()) - (alongRows ? extra : 0);
        int y1 = (int) Math.round(box.y() + box.height()) + (alongRows ? extra : 0);
        if (x0 < 0 || y0 < 0 || x1 > picture.width() || y1 > picture.height() || x1 - x0 < 8 || y1 - y0 < 8) {
            return new double[0];
        }
        ByteBuffer luma = picture.plane(0);
        int stride = picture.stride(0);
        double[] profile = new double[alongRows ? y1 - y0 : x1 - x0];
        if (alongRows) {
            int from = x0 + (x1 - x0) / 4;
            int to = x1 - (x1 - x0) / 4;
            // Every other column: the profile is a sum, and half the columns give it just as well. The row is read
            // straight from native memory eight bytes at a time, its even bytes summed in one multiplication.
            int length = Math.max(0, to - from);
            int words = length / 8;
            boolean bigEndian = luma.order() == ByteOrder.BIG_ENDIAN;
            for (int y = y0; y < y1; y++) {
                int start = y * stride + from;
                long sum = 0;
                for (int w = 0; w < words; w++) {
                    sum += evenByteSum(luma.getLong(start + 8 * w), bigEndian);
                }
                for (int i = 8 * words; i < length; i += 2) {
                    sum += luma.get(start + i) & 0xFF;
                }
                profile[y - y0] = sum;
            }
        } else {
            int from = y0 + (y1 - y0) / 4;
            int to = y1 - (y1 - y0) / 4;
            int length = x1 - x0;
            byte[] row = rowOf(length);
            for (int y = from; y < to; y += 2) {
                luma.get(y * stride + x0, row, 0, length);
                for (int i = 0; i < length; i++) {
                    profile[i] += row[i] & 0xFF;
                }
            }
        }
        // Upright "down" runs against the stored axis when the picture is turned by 180 or 270 degrees.
        if (orientation == Orientation.UPSIDE_DOWN || orientation == Orientation.CLOCKWISE_270) {
            for (int i = 0, j = profile.length - 1; i < j; i++, j--) {
                double tmp = profile[i];
                profile[i] = profile[j];
                profile[j] = tmp;
            }
        }
        return profile;
    }

    /** The sum of the bytes at even offsets (0, 2, 4, 6) of eight bytes read as a long in the given order. */
    static long evenByteSum(long word, boolean bigEndian) {
        // Four lanes of 16 bits hold the four bytes; multiplying by 1 + 2^16 + 2^32 + 2^48 adds them up in the top
        // lane, which none of the partial sums (at most 4 x 255) can overflow.
        long lanes = bigEndian ? (word & 0xFF00FF00FF00FF00L) >>> 8 : word & 0x00FF00FF00FF00FFL;
        return (lanes * 0x0001000100010001L) >>> 48;
    }

    private byte[] rowOf(int length) {
        if (row.length < length) {
            row = new byte[length];
        }
        return row;
    }
}
