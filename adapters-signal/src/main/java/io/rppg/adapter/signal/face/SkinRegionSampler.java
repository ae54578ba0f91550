package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.ColourMatrix;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;

import java.nio.ByteBuffer;

/**
 * Averages the skin of one turned region straight from the YUV planes, on a grid laid along the region (so that a
 * tilted face is sampled along its own axes). A point counts when its chroma lies in the skin range and its
 * brightness is neither clipped nor far from the region's usual brightness (brows, eyes, hair and glare fail that
 * test). Each point reads one chroma sample and the lumas it covers.
 */
public final class SkinRegionSampler {

    /*
     * Skin's chroma, as offsets from neutral (128) in proportion to its brightness: light and dark skin in good
     * light lie between these bounds, and so does skin in a dim room, whose chroma shrinks towards neutral with its
     * brightness (fixed Cb/Cr bounds miss a dark face in a dim room altogether). Below a luma of
     * {@value #DIMMEST_FOR_CHROMA} the bounds stop shrinking, so that sensor noise on grey does not pass for skin.
     */
    private static final double CR_LOW = 0.03;
    private static final double CR_HIGH = 0.32;
    private static final double CB_LOW = -0.36;
    private static final double CB_HIGH = -0.005;
    private static final double CHROMA_SLACK = 4;
    private static final double DIMMEST_FOR_CHROMA = 40;
    private static final double DARKEST = 12;
    private static final double BRIGHTEST = 245;
    private static final double CLIPPED_LOW = 4;
    private static final double CLIPPED_HIGH = 250;
    /**
     * Points per region at most. Codecs quantise chroma in blocks, and only averaging many blocks brings the
     * sub-level colour pulse out of that noise; at this count every block of a region still contributes and sensor
     * noise is averaged far below the pulse.
     */
    private static final int POINTS_WANTED = 700;

    private final double[] stored = new double[2];
    /** The grid's across-offsets in upright x and y, for each column; kept between calls. */
    private double[] columnX = new double[0];
    private double[] columnY = new double[0];

    /**
     * @param usualLuma the region's brightness in the pictures before (NaN at first): points far from it are not
     *                  skin
     */
    public RegionSample sample(YuvPicture picture, Orientation orientation, SkinRegion region, double usualLuma) {
        ColourMatrix matrix = picture.matrix();
        int sx = picture.chromaShiftX();
        int sy = picture.chromaShiftY();
        int lumasPerChroma = 1 << (sx + sy);
        // A power of two, so multiplying by its inverse gives exactly the mean a division would, and costs less.
        double perLuma = 1.0 / lumasPerChroma;
        double low = Math.max(DARKEST, Double.isNaN(usualLuma) ? DARKEST : 0.6 * usualLuma);
        double high = Math.min(BRIGHTEST, Double.isNaN(usualLuma) ? BRIGHTEST : 1.4 * usualLuma);
        // Luma is an affine map of the raw code value, so the limits become limits on the raw sum of the lumas a
        // chroma sample covers, and the loop compares integers.
        double lumaOfZero = matrix.luma(0);
        double lumaPerCode = matrix.luma(1) - lumaOfZero;
        double lowSum = (low - lumaOfZero) / lumaPerCode * lumasPerChroma;
        double highSum = (high - lumaOfZero) / lumaPerCode * lumasPerChroma;
        double clippedLowSum = (CLIPPED_LOW - lumaOfZero) / lumaPerCode * lumasPerChroma;
        double clippedHighSum = (CLIPPED_HIGH - lumaOfZero) / lumaPerCode * lumasPerChroma;
        ByteBuffer yPlane = picture.plane(0);
        ByteBuffer cbPlane = picture.plane(1);
        ByteBuffer crPlane = picture.plane(2);
        int yStride = picture.stride(0);
        int cbStride = picture.stride(1);
        int crStride = picture.stride(2);
        int width = picture.width();
        int height = picture.height();
        // Never finer than one chroma sample: closer points would read the same sample twice.
        double spacing = Math.max(1 << Math.max(sx, sy), Math.sqrt(region.area() / POINTS_WANTED));
        int across = Math.max(1, (int) Math.round(2 * region.halfWidth() / spacing));
        int down = Math.max(1, (int) Math.round(2 * region.halfHeight() / spacing));
        long sumY = 0, sumCb = 0, sumCr = 0;
        int skin = 0, points = 0, clipped = 0;
        columns(across, region);
        boolean quad = sx == 1 && sy == 1;
        boolean upright = orientation == Orientation.UPRIGHT;
        for (int j = 0; j < down; j++) {
            double v = ((j + 0.5) / down - 0.5) * 2 * region.halfHeight();
            // SkinRegion.x and y term by term, with the terms that depend on the column alone worked out once.
            double rowX = v * region.acrossY();
            double rowY = v * region.acrossX();
            for (int i = 0; i < across; i++) {
                double pointX = region.centreX() + columnX[i] - rowX;
                double pointY = region.centreY() + columnY[i] + rowY;
                if (!upright) {
                    orientation.toStoredPoint(pointX, pointY, width, height, stored);
                    pointX = stored[0];
                    pointY = stored[1];
                }
                int x = (int) Math.floor(pointX);
                int y = (int) Math.floor(pointY);
                if (x < 0 || y < 0 || x >= width || y >= height) {
                    continue;
                }
                points++;
                int cx = x >> sx;
                int cy = y >> sy;
                int lumaSum = 0;
                int x0 = cx << sx;
                int y0 = cy << sy;
                if (quad) {
                    // 4:2:0, nearly every video: the four lumas of the chroma sample, without the general loops.
                    int top = y0 * yStride;
                    int bottom = Math.min(height - 1, y0 + 1) * yStride;
                    if (x0 + 1 < width) {
                        // Two neighbouring lumas in one read; their sum does not depend on the byte order.
                        short upper = yPlane.getShort(top + x0);
                        short lower = yPlane.getShort(bottom + x0);
                        lumaSum = (upper & 0xFF) + ((upper >> 8) & 0xFF) + (lower & 0xFF) + ((lower >> 8) & 0xFF);
                    } else {
                        lumaSum = 2 * (yPlane.get(top + x0) & 0xFF) + 2 * (yPlane.get(bottom + x0) & 0xFF);
                    }
                } else {
                    for (int dy = 0; dy < 1 << sy; dy++) {
                        int row = Math.min(height - 1, y0 + dy) * yStride;
                        for (int dx = 0; dx < 1 << sx; dx++) {
                            lumaSum += yPlane.get(row + Math.min(width - 1, x0 + dx)) & 0xFF;
                        }
                    }
                }
                if (lumaSum <= clippedLowSum || lumaSum >= clippedHighSum) {
                    clipped++;
                    continue;
                }
                int cb = cbPlane.get(cy * cbStride + cx) & 0xFF;
                int cr = crPlane.get(cy * crStride + cx) & 0xFF;
                if (lumaSum < lowSum || lumaSum > highSum
                        || !isSkin(cb, cr, lumaSum * perLuma)) {
                    continue;
                }
                sumY += lumaSum;
                sumCb += cb;
                sumCr += cr;
                skin++;
            }
        }
        if (skin == 0) {
            return RegionSample.empty(points, clipped);
        }
        double y = (double) sumY / (skin * lumasPerChroma);
        double cb = (double) sumCb / skin;
        double cr = (double) sumCr / skin;
        return new RegionSample(matrix.red(y, cb, cr), matrix.green(y, cb, cr), matrix.blue(y, cb, cr),
                matrix.luma(y), skin, points, clipped);
    }

    /** The grid's across-coordinates, the same for every row, turned into upright x and y offsets. */
    private void columns(int across, SkinRegion region) {
        if (columnX.length < across) {
            columnX = new double[across];
            columnY = new double[across];
        }
        for (int i = 0; i < across; i++) {
            double u = ((i + 0.5) / across - 0.5) * 2 * region.halfWidth();
            columnX[i] = u * region.acrossX();
            columnY[i] = u * region.acrossY();
        }
    }

    /**
     * Share of the chroma samples in the middle of a stored face box that have skin colour. A detector may also fire on
     * wallpaper, shelves or a drawing; a face without skin is not a face.
     */
    public static double skinShare(YuvPicture picture, Box storedFace) {
        Box middle = storedFace.part(0.2, 0.2, 0.8, 0.8);
        int sx = picture.chromaShiftX();
        int sy = picture.chromaShiftY();
        int chromaWidth = (picture.width() + (1 << sx) - 1) >> sx;
        int chromaHeight = (picture.height() + (1 << sy) - 1) >> sy;
        int x0 = clamp((int) Math.round(middle.x()) >> sx, chromaWidth);
        int x1 = clamp((int) Math.round(middle.x() + middle.width()) >> sx, chromaWidth);
        int y0 = clamp((int) Math.round(middle.y()) >> sy, chromaHeight);
        int y1 = clamp((int) Math.round(middle.y() + middle.height()) >> sy, chromaHeight);
        int step = Math.max(1, Math.min(x1 - x0, y1 - y0) / 24);
        int skin = 0, all = 0;
        for (int cy = y0; cy < y1; cy += step) {
            for (int cx = x0; cx < x1; cx += step) {
                int cb = picture.plane(1).get(cy * picture.stride(1) + cx) & 0xFF;
                int cr = picture.plane(2).get(cy * picture.stride(2) + cx) & 0xFF;
                int luma = picture.plane(0).get(Math.min(picture.height() - 1, cy << sy) * picture.stride(0)
                        + Math.min(picture.width() - 1, cx << sx)) & 0xFF;
                all++;
                if (isSkin(cb, cr, luma)) {
                    skin++;
                }
            }
        }
        return all == 0 ? 0 : (double) skin / all;
    }

    /** True when a chroma sample (raw Cb, Cr) of the given luma code value has the colour of skin. */
    static boolean isSkin(int cb, int cr, double luma) {
        double scale = Math.max(DIMMEST_FOR_CHROMA, luma);
        double red = cr - 128;
        double blue = cb - 128;
        return red >= CR_LOW * scale && red <= CR_HIGH * scale + CHROMA_SLACK
                && blue >= CB_LOW * scale - CHROMA_SLACK && blue <= CB_HIGH * scale;
    }

    private static int clamp(int value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }
}
