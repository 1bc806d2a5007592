package dev.codeexec.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Parsing and navigating YAML documents as plain maps and lists. */
final class Yamls {

    private Yamls() {
    }

    /** Every non-empty document of a multi-document YAML stream, each a map. */
    static List<Map<String, Object>> parseAll(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(text)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("a YAML document is not a mapping: " + document);
            }
            documents.add(map(document));
        }
        return documents;
    }

    static Map<String, Object> parse(String text) {
        return map(new Yaml(new LoaderOptions()).load(text));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new IllegalArgumentException("not a list: " + value);
        }
        return (List<Object>) value;
    }

    static List<Map<String, Object>> maps(Object value) {
        return list(value).stream().map(Yamls::map).toList();
    }

    /** The value at a dotted path of map keys ("spec.template.spec"), or null when absent. */
    static Object at(Map<String, Object> root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static Map<String, Object> mapAt(Map<String, Object> root, String path) {
        return map(at(root, path));
    }

    static String string(Map<String, Object> root, String path) {
        Object value = at(root, path);
        return value == null ? null : value.toString();
    }

    /** A deep copy without the given keys in any "labels" mapping. */
    @SuppressWarnings("unchecked")
    static Object withoutLabels(Object value, List<String> labelKeys) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, child) -> {
                Object copied = withoutLabels(child, labelKeys);
                if ("labels".equals(key) && copied instanceof Map<?, ?> labels) {
                    ((Map<String, Object>) labels).keySet().removeAll(labelKeys);
                }
                copy.put((String) key, copied);
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> withoutLabels(item, labelKeys)).toList();
        }
        return value;
    }
}
