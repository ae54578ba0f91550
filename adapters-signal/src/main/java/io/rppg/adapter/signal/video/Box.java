package io.rppg.adapter.signal.video;

/** An axis-aligned rectangle in pixels. */
public record Box(double x, double y, double width, double height) {

    public double centreX() {
        return x + width / 2;
    }

    public double centreY() {
        return y + height / 2;
    }

    public double area() {
        return width * height;
    }

    /** The part of this box between the given fractions of its width and height. */
    public Box part(double fromX, double fromY, double toX, double toY) {
        return new Box(x + fromX * width, y + fromY * height, (toX - fromX) * width, (toY - fromY) * height);
    }

    public Box scaled(double factor) {
        return new Box(x * factor, y * factor, width * factor, height * factor);
    }

    public double overlap(Box other) {
        double w = Math.min(x + width, other.x + other.width) - Math.max(x, other.x);
        double h = Math.min(y + height, other.y + other.height) - Math.max(y, other.y);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double intersection = w * h;
        return intersection / (area() + other.area() - intersection);
    }
}
