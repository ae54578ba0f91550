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
        finite(value);
        return this;
    }

    private void finite(double value) {
        if (Double.isFinite(value)) {
            // Four decimals at most, and never a bare trailing point ("100." is not JSON).
            out.append(java.math.BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString());
        } else {
            out.append("null");
        }
    }

    /** Every entry of a report: strings, numbers, booleans, nulls, nested maps and lists. */
    JsonLine fields(java.util.Map<String, ?> report) {
        report.forEach((name, value) -> {
            key(name);
            value(value);
        });
        return this;
    }

    private void value(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            quote(text);
        } else if (value instanceof Boolean flag) {
            out.append(flag);
        } else if (value instanceof Number number) {
            finite(number.doubleValue());
        } else if (value instanceof java.util.Map<?, ?> map) {
            var nested = new JsonLine();
            map.forEach((name, inner) -> {
                nested.key(String.valueOf(name));
                nested.value(inner);
            });
            out.append(nested);
        } else if (value instanceof Iterable<?> items) {
            out.append('[');
            var separator = "";
            for (var item : items) {
                out.append(separator);
                value(item);
                separator = ",";
            }
            out.append(']');
        } else {
            quote(value.toString());
        }
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
