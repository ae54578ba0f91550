package io.rppg.adapter.signal.video;

import org.bytedeco.javacpp.BytePointer;

import java.nio.ByteBuffer;

/**
 * One decoded picture as 8-bit planar Y, Cb, Cr, exactly as the decoder left it. It is only valid until the next
 * picture is read: the decoder reuses its buffers, so whoever receives it reduces it to numbers at once.
 */
public final class YuvPicture {

    int width;
    int height;
    int chromaShiftX;
    int chromaShiftY;
    final int[] strides = new int[3];
    final ByteBuffer[] planes = new ByteBuffer[3];
    BytePointer lumaPointer;
    ColourMatrix matrix;
    long timestampMicros;

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Presentation time of the picture; phones record a variable frame rate, so this is not index / fps. */
    public long timestampMicros() {
        return timestampMicros;
    }

    public ColourMatrix matrix() {
        return matrix;
    }

    /** log2 of the horizontal chroma subsampling: 1 for 4:2:0 and 4:2:2, 0 for 4:4:4. */
    public int chromaShiftX() {
        return chromaShiftX;
    }

    public int chromaShiftY() {
        return chromaShiftY;
    }

    /** Plane 0 is luma, 1 is Cb, 2 is Cr. */
    public ByteBuffer plane(int index) {
        return planes[index];
    }

    public int stride(int index) {
        return strides[index];
    }

    /** The luma plane in native memory, for OpenCV to read without a copy. */
    public BytePointer lumaPointer() {
        return lumaPointer;
    }
}
