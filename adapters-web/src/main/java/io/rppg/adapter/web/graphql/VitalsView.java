package io.rppg.adapter.web.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST vitals report ({@code VitalsReport}) in GraphQL's spelling: the same figures and units, keys in camelCase,
 * and the {@code unavailable} reasons as a list of {@code {field, reason}} (field names as REST spells them).
 */
final class VitalsView {

    private VitalsView() {
    }

    static Map<String, Object> of(Map<String, Object> report) {
        var view = new LinkedHashMap<String, Object>();
        report.forEach((key, value) -> {
            if (key.equals("unavailable") && value instanceof Map<?, ?> reasons) {
                var list = new ArrayList<Map<String, Object>>();
                reasons.forEach((field, reason) -> list.add(Map.of("field", field, "reason", reason)));
                view.put("unavailable", list);
            } else {
                view.put(camel(key), converted(value));
            }
        });
        return view;
    }

    @SuppressWarnings("unchecked")
    private static Object converted(Object value) {
        if (value instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            ((Map<String, Object>) map).forEach((key, inner) -> out.put(camel(key), converted(inner)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(VitalsView::converted).toList();
        }
        return value;
    }

    static String camel(String snake) {
        var out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
