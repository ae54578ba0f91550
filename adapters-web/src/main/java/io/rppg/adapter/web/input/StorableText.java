package io.rppg.adapter.web.input;

import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;

/**
 * Text a client sends that the platform may keep. PostgreSQL stores no null character (U+0000) in text, nor its
 * {@code \u0000} escape in JSONB, and text with a lone UTF-16 surrogate is not Unicode at all (it would be stored as
 * {@code ?}, or refused by JSONB). Such text is refused at the edge, before anything is accepted; so is a JSON number
 * too large for a double, which would otherwise be kept as the text "Infinity".
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why this text cannot be stored, or empty when it can. */
    public static Optional<String> problemWith(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("the null character (U+0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("an unpaired UTF-16 surrogate");
            }
        }
        return Optional.empty();
    }

    /** The first text in a JSON tree, value or field name, that cannot be stored. */
    public static Optional<Unstorable> firstIn(JsonNode node, String path) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isString()) {
            return problemWith(node.asString()).map(problem -> new Unstorable(path, problem));
        }
        // A number beyond a double's range reads as infinity, which would be kept as the text "Infinity".
        if (node.isFloatingPointNumber() && !Double.isFinite(node.asDouble())) {
            return Optional.of(new Unstorable(path, "a number beyond the range of a double"));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                var found = firstIn(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                var fieldPath = path + "." + field.getKey();
                var name = problemWith(field.getKey());
                if (name.isPresent()) {
                    return Optional.of(new Unstorable(path, "a field name with " + name.get()));
                }
                var found = firstIn(field.getValue(), fieldPath);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Text that cannot be stored, and where it was.
     *
     * @param field   the field as the client named it, such as {@code name} or {@code meta_data.patient}
     * @param problem what it holds, such as "the null character (U+0000)"
     */
    public record Unstorable(String field, String problem) {

        public String message() {
            return field + " holds " + problem + ", which cannot be stored";
        }
    }
}
