package io.rppg.adapter.signal;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.YuvPicture;

import java.nio.ByteBuffer;

/**
 * The brightness of the scene away from the face: the reference that tells light from blood. A lamp whose
 * brightness swings brightens the wall as much as the skin; a heart beat darkens the skin alone. Averages a coarse
 * grid of the luma plane outside the face box widened by half its size on every side, so that hair, neck and the
 * head's own motion stay out of it.
 */
final class BackgroundLight {

    private static final int SAMPLES_WANTED = 1200;
    /** Fewer background samples than this say more about the face's edge than about the light. */
    private static final int MIN_SAMPLES = 100;

    private BackgroundLight() {
    }

    /** Mean full-range luma outside the widened face box (stored coordinates), NaN when too little is left. */
    static double of(YuvPicture picture, Box storedFace) {
        int width = picture.width();
        int height = picture.height();
        double x0 = storedFace.x() - storedFace.width() / 2;
        double x1 = storedFace.x() + 1.5 * storedFace.width();
        double y0 = storedFace.y() - storedFace.height() / 2;
        double y1 = storedFace.y() + 1.5 * storedFace.height();
        int step = Math.max(1, (int) Math.sqrt((double) width * height / SAMPLES_WANTED));
        ByteBuffer luma = picture.plane(0);
        int stride = picture.stride(0);
        long sum = 0;
        int count = 0;
        for (int y = step / 2; y < height; y += step) {
            boolean rowCrossesFace = y >= y0 && y < y1;
            int row = y * stride;
            for (int x = step / 2; x < width; x += step) {
                if (rowCrossesFace && x >= x0 && x < x1) {
                    continue;
                }
                sum += luma.get(row + x) & 0xFF;
                count++;
            }
        }
        return count < MIN_SAMPLES ? Double.NaN : picture.matrix().luma((double) sum / count);
    }
}
