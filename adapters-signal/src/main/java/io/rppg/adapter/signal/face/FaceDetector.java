package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;

import java.util.List;

/**
 * Finds faces in a decoded picture, in upright coordinates (after the orientation's turn) at full scale. An
 * implementation is not expected to be thread-safe: each analysis uses its own detector.
 */
public interface FaceDetector extends AutoCloseable {

    /** Faces anywhere in the picture. */
    List<Face> detect(YuvPicture picture, Orientation orientation);

    /** Faces around {@code near}, the box of a face held from an earlier picture: cheaper than the whole picture. */
    List<Face> detectNear(YuvPicture picture, Orientation orientation, Box near);

    /**
     * Mean full-range luma of the whole picture last searched, around a held face or everywhere: tells a dark room
     * from an empty one, and follows the light as it changes.
     */
    double sceneLuma();

    @Override
    void close();
}
