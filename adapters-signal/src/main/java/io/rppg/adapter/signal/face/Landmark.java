package io.rppg.adapter.signal.face;

/** A point of the face in upright picture coordinates, in pixels (x to the right, y down). */
public record Landmark(double x, double y) {
}
