package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;

import java.nio.ByteBuffer;

/**
 * Follows the face's up-and-down movement to a fraction of a pixel, which breathing causes. The luma profile along
 * the upright vertical axis of a fixed window over the face is matched against the profile taken when the window
 * was placed; the best shift, refined on a parabola, is the movement since then. The window is placed again, with
 * the position carried over, only when the face has drifted far from it, so errors rarely accumulate.
 */
public final class VerticalMotion {

    private Box window;
    private double[] reference;
    private double referencePosition;
    private double position;
    private int maxShift;

    /** The vertical position in upright pixels (down is positive), continuous across window moves. */
    public double measure(YuvPicture picture, Box storedFace, Orientation orientation) {
        if (window != null) {
            double[] profile = profile(picture, window, orientation);
            if (profile.length == reference.length) {
                double shift = shift(profile);
                if (Math.abs(shift) < 0.7 * maxShift) {
                    position = referencePosition + shift;
                    return position;
                }
                position = referencePosition + shift;
            }
        }
        double[] profile = profile(picture, storedFace, orientation);
        if (profile.length >= 16) {
            window = storedFace;
            reference = profile;
            referencePosition = position;
            maxShift = Math.max(4, profile.length / 10);
        }
        return position;
    }

    private double shift(double[] profile) {
        double[] cost = new double[2 * maxShift + 1];
        int best = 0;
        for (int s = -maxShift; s <= maxShift; s++) {
            double sum = 0;
            for (int i = maxShift; i < profile.length - maxShift; i++) {
                double d = profile[i + s] - reference[i];
                sum += d * d;
            }
            cost[s + maxShift] = sum;
            if (sum < cost[best]) {
                best = s + maxShift;
            }
        }
        double refined = best - maxShift;
        if (best > 0 && best < cost.length - 1) {
            double curvature = cost[best - 1] - 2 * cost[best] + cost[best + 1];
            if (curvature > 0) {
                refined += Math.max(-0.5, Math.min(0.5, 0.5 * (cost[best - 1] - cost[best + 1]) / curvature));
            }
        }
        return refined;
    }

    /** Summed luma of each upright row of the middle half of the face box, top to bottom. */
    private static double[] profile(YuvPicture picture, Box box, Orientation orientation) {
        ByteBuffer luma = picture.plane(0);
        int stride = picture.stride(0);
        int x0 = Math.max(0, (int) Math.round(box.x()));
        int x1 = Math.min(picture.width(), (int) Math.round(box.x() + box.width()));
        int y0 = Math.max(0, (int) Math.round(box.y()));
        int y1 = Math.min(picture.height(), (int) Math.round(box.y() + box.height()));
        if (x1 - x0 < 8 || y1 - y0 < 8) {
            return new double[0];
        }
        boolean alongRows = !orientation.swapsAxes();
        double[] profile = new double[alongRows ? y1 - y0 : x1 - x0];
        if (alongRows) {
            int from = x0 + (x1 - x0) / 4;
            int to = x1 - (x1 - x0) / 4;
            // Every other column: the profile is an average, and half the columns give it just as well.
            for (int y = y0; y < y1; y++) {
                int sum = 0;
                for (int x = from; x < to; x += 2) {
                    sum += luma.get(y * stride + x) & 0xFF;
                }
                profile[y - y0] = sum;
            }
        } else {
            int from = y0 + (y1 - y0) / 4;
            int to = y1 - (y1 - y0) / 4;
            for (int y = from; y < to; y += 2) {
                for (int x = x0; x < x1; x++) {
                    profile[x - x0] += luma.get(y * stride + x) & 0xFF;
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
}
