package io.rppg.adapter.signal.cli;

import java.util.Locale;

/** Writes one JSON object on one line: strings escaped, numbers finite (NaN and infinities become null). */
final class JsonLine {

    private final StringBuilder out = new StringBuilder("{");
    private boolean first = true;

    JsonLine string(String name, String value) {
        key(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    JsonLine number(String name, double value) {
        key(name);
        if (Double.isFinite(value)) {
            out.append(value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value) : String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", ""));
        } else {
            out.append("null");
        }
        return this;
    }

    JsonLine nullValue(String name) {
        key(name);
        out.append("null");
        return this;
    }

    JsonLine object(String name, JsonLine value) {
        key(name);
        out.append(value.toString());
        return this;
    }

    private void key(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(name);
        out.append(':');
    }

    private void quote(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out + "}";
    }
}
