package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.ColourMatrix;
import io.rppg.adapter.signal.video.YuvPicture;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Averages the skin of the forehead and both cheeks straight from the YUV planes. A pixel counts when its chroma
 * lies in the skin range and its brightness is neither clipped nor far from the region's usual brightness (brows,
 * eyes, hair and glare fail that test). Works per chroma sample: each Cb/Cr value with the lumas it covers.
 */
public final class SkinSampler {

    /**
     * Forehead, and cheeks with the nose between them, as fractions of a frontal face box from the cascade (upright
     * coordinates). Large regions matter: codecs quantise chroma in blocks, and only averaging many blocks brings
     * the sub-level colour pulse out of that noise. The brightness test drops brows, nostrils and shadows.
     */
    private static final double[][] REGIONS = {
            {0.22, -0.05, 0.78, 0.12},
            {0.12, 0.40, 0.88, 0.72},
    };
    private static final int CB_MIN = 77;
    private static final int CB_MAX = 127;
    private static final int CR_MIN = 133;
    private static final int CR_MAX = 173;
    private static final double DARKEST = 12;
    private static final int SAMPLES_WANTED = 1500;
    private static final double BRIGHTEST = 245;

    private double usualLuma = Double.NaN;
    private byte[] cbRow = new byte[0];
    private byte[] crRow = new byte[0];
    private byte[][] lumaRowsBuffer = new byte[0][];

    /** The skin regions of an upright face box, in upright coordinates. */
    public static List<Box> regionsOf(Box face) {
        return java.util.Arrays.stream(REGIONS).map(r -> face.part(r[0], r[1], r[2], r[3])).toList();
    }

    /**
     * The mean skin colour of the regions; its brightness becomes the usual brightness that the next pictures'
     * pixels are judged by.
     *
     * @param storedRegions the skin regions mapped into the stored picture
     */
    public SkinSample sample(YuvPicture picture, List<Box> storedRegions) {
        SkinSample sample = measure(picture, storedRegions);
        if (sample.pixels() > 0 && Double.isNaN(usualLuma)) {
            // The first picture has no usual brightness yet, so brows and shadows passed; measured again without
            // them, it matches the pictures that follow instead of standing out as a step at the start.
            usualLuma = sample.luma();
            sample = measure(picture, storedRegions);
        }
        if (sample.pixels() > 0) {
            usualLuma = sample.luma();
        }
        return sample;
    }

    /** The mean skin colour of the regions, judged by the usual brightness so far, which it leaves as it is. */
    public SkinSample measure(YuvPicture picture, List<Box> storedRegions) {
        ColourMatrix matrix = picture.matrix();
        int sx = picture.chromaShiftX();
        int sy = picture.chromaShiftY();
        int lumasPerChroma = 1 << (sx + sy);
        // Brightness limits in raw code values, from the full-range limits and the region's usual luma.
        double low = Math.max(DARKEST, Double.isNaN(usualLuma) ? DARKEST : 0.6 * usualLuma);
        double high = Math.min(BRIGHTEST, Double.isNaN(usualLuma) ? BRIGHTEST : 1.4 * usualLuma);
        // Luma is an affine map of the raw code value, so the limits become limits on the raw sum of the lumas a
        // chroma sample covers, and the loop compares integers.
        double lumaOfZero = matrix.luma(0);
        double lumaPerCode = matrix.luma(1) - lumaOfZero;
        double lowSum = (low - lumaOfZero) / lumaPerCode * lumasPerChroma;
        double highSum = (high - lumaOfZero) / lumaPerCode * lumasPerChroma;
        long sumY = 0, sumCb = 0, sumCr = 0;
        int count = 0;
        int step = stepFor(storedRegions, sx, sy);
        ByteBuffer yPlane = picture.plane(0);
        ByteBuffer cbPlane = picture.plane(1);
        ByteBuffer crPlane = picture.plane(2);
        int yStride = picture.stride(0);
        int cbStride = picture.stride(1);
        int crStride = picture.stride(2);
        int chromaWidth = (picture.width() + (1 << sx) - 1) >> sx;
        int chromaHeight = (picture.height() + (1 << sy) - 1) >> sy;
        int lumaRows = 1 << sy;
        for (Box region : storedRegions) {
            int x0 = clamp((int) Math.round(region.x()) >> sx, chromaWidth);
            int x1 = clamp((int) Math.round(region.x() + region.width()) >> sx, chromaWidth);
            int y0 = clamp((int) Math.round(region.y()) >> sy, chromaHeight);
            int y1 = clamp((int) Math.round(region.y() + region.height()) >> sy, chromaHeight);
            if (x1 <= x0 || y1 <= y0) {
                continue;
            }
            // Whole row segments are copied out of native memory at once; reading byte by byte costs far more.
            int chromaLength = x1 - x0;
            int lumaFrom = x0 << sx;
            int lumaLength = Math.min(picture.width(), x1 << sx) - lumaFrom;
            ensureRows(chromaLength, lumaLength, lumaRows);
            for (int cy = y0; cy < y1; cy += step) {
                cbPlane.get(cy * cbStride + x0, cbRow, 0, chromaLength);
                crPlane.get(cy * crStride + x0, crRow, 0, chromaLength);
                for (int dy = 0; dy < lumaRows; dy++) {
                    int row = Math.min(picture.height() - 1, (cy << sy) + dy) * yStride;
                    yPlane.get(row + lumaFrom, lumaRowsBuffer[dy], 0, lumaLength);
                }
                for (int i = 0; i < chromaLength; i += step) {
                    int cb = cbRow[i] & 0xFF;
                    int cr = crRow[i] & 0xFF;
                    if (cb < CB_MIN || cb > CB_MAX || cr < CR_MIN || cr > CR_MAX) {
                        continue;
                    }
                    int lumaSum;
                    int lx = i << sx;
                    if (lumaRows == 2 && sx == 1 && lx + 1 < lumaLength) {
                        // 4:2:0, the common case: the four lumas of one chroma sample.
                        byte[] top = lumaRowsBuffer[0];
                        byte[] bottom = lumaRowsBuffer[1];
                        lumaSum = (top[lx] & 0xFF) + (top[lx + 1] & 0xFF) + (bottom[lx] & 0xFF)
                                + (bottom[lx + 1] & 0xFF);
                    } else {
                        lumaSum = 0;
                        for (int dy = 0; dy < lumaRows; dy++) {
                            byte[] lumaRow = lumaRowsBuffer[dy];
                            for (int dx = 0; dx < 1 << sx; dx++) {
                                lumaSum += lumaRow[Math.min(lumaLength - 1, lx + dx)] & 0xFF;
                            }
                        }
                    }
                    if (lumaSum < lowSum || lumaSum > highSum) {
                        continue;
                    }
                    sumY += lumaSum;
                    sumCb += cb;
                    sumCr += cr;
                    count += lumasPerChroma;
                }
            }
        }
        if (count == 0) {
            return new SkinSample(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double y = (double) sumY / count;
        double cb = (double) sumCb * lumasPerChroma / count;
        double cr = (double) sumCr * lumasPerChroma / count;
        return new SkinSample(matrix.red(y, cb, cr), matrix.green(y, cb, cr), matrix.blue(y, cb, cr), matrix.luma(y),
                count);
    }

    /**
     * Share of the chroma samples in the middle of a stored face box that have skin colour. Cascades also fire on
     * wallpaper and shelves; a face without skin is not a face.
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
                all++;
                if (cb >= CB_MIN && cb <= CB_MAX && cr >= CR_MIN && cr <= CR_MAX) {
                    skin++;
                }
            }
        }
        return all == 0 ? 0 : (double) skin / all;
    }

    private void ensureRows(int chromaLength, int lumaLength, int lumaRows) {
        if (cbRow.length < chromaLength) {
            cbRow = new byte[chromaLength];
            crRow = new byte[chromaLength];
        }
        if (lumaRowsBuffer.length < lumaRows || lumaRowsBuffer[0].length < lumaLength) {
            lumaRowsBuffer = new byte[Math.max(lumaRows, lumaRowsBuffer.length)][Math.max(lumaLength, 1)];
        }
    }

    /**
     * Every n-th chroma sample in both directions, so that a big face costs no more than about
     * {@value #SAMPLES_WANTED} samples; each codec block still contributes, and sensor noise is already averaged
     * far below the pulse at that count.
     */
    private static int stepFor(List<Box> regions, int sx, int sy) {
        double samples = 0;
        for (Box r : regions) {
            samples += r.area() / (1 << (sx + sy));
        }
        return Math.max(1, (int) Math.floor(Math.sqrt(samples / SAMPLES_WANTED)));
    }

    private static int clamp(int value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }
}
