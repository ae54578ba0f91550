package io.rppg.application.picture;

/** The few colours a scan's picture is drawn in, as CSS hex, so that the SVG and the PNG look alike. */
public enum Ink {
    PAPER("#ffffff"),
    TEXT("#1f2933"),
    MUTED("#6b7785"),
    GRID("#e4e7eb"),
    PULSE("#0b7285"),
    BEAT("#c92a2a"),
    SPECTRUM("#5f3dc4"),
    PEAK("#c92a2a"),
    SERIES("#2b8a3e"),
    FAILURE("#c92a2a");

    private final String hex;

    Ink(String hex) {
        this.hex = hex;
    }

    public String hex() {
        return hex;
    }

    public int rgb() {
        return Integer.parseInt(hex.substring(1), 16);
    }
}
