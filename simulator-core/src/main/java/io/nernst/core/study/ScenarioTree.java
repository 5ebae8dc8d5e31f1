package io.nernst.core.study;

import io.nernst.core.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A scenario file as a tree of maps, lists and scalars, edited in memory: values set by dotted path
 * ({@code mesh.negative}, {@code experiment.steps[0]}, {@code parameters.overrides.Negative electrode thickness})
 * and {@code {name}} placeholders in text values replaced, then written back as YAML text for the
 * scenario's own reader, which checks every key and value as it does for a file. This is how a study builds
 * each run's scenario from its base plus the run's values without touching the scenario readers.
 */
public final class ScenarioTree {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    private static final Pattern SEGMENT = Pattern.compile("([^\\[\\]]+)((?:\\[\\d+])*)");

    private final Map<String, Object> root;

    private ScenarioTree(Map<String, Object> root) {
        this.root = root;
    }

    /**
     * Parses YAML text whose top level is a map.
     *
     * @throws ScenarioException when the text is not YAML or not a map
     */
    @SuppressWarnings("unchecked")
    public static ScenarioTree parse(String yaml, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object o;
        try {
            o = new Yaml(options).load(yaml);
        } catch (RuntimeException e) {
            throw new ScenarioException("unreadable YAML in " + source + ": " + e.getMessage(), e);
        }
        if (!(o instanceof Map)) {
            throw new ScenarioException(source + ": expected a map of keys at the top level");
        }
        return new ScenarioTree((Map<String, Object>) deepCopy(o));
    }

    /** A deep copy, to be edited for one run. */
    public ScenarioTree copy() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) deepCopy(root);
        return new ScenarioTree(m);
    }

    /** The top-level keys. */
    public List<String> topKeys() {
        return new ArrayList<>(root.keySet());
    }

    /** Whether the top level has this key. */
    public boolean has(String key) {
        return root.containsKey(key);
    }

    /** The value at a dotted path, or null. */
    public Object get(List<String> path) {
        Object node = root;
        for (String segment : path) {
            if (!(node instanceof Map)) {
                return null;
            }
            node = ((Map<?, ?>) node).get(segment);
        }
        return node;
    }

    /**
     * Sets a value at a path of keys; a key may end in list indices ({@code steps[0]}). Missing maps on the way
     * are created; an index must address an existing list item.
     *
     * @param path  the keys from the top, already split (a parameter name may hold dots or spaces)
     * @param value a scalar (text or number), a list or a map
     * @throws ScenarioException when the path runs through a scalar or past the end of a list
     */
    @SuppressWarnings("unchecked")
    public void set(List<String> path, Object value, String what) {
        Object node = root;
        for (int i = 0; i < path.size(); i++) {
            Matcher m = SEGMENT.matcher(path.get(i));
            if (!m.matches()) {
                throw new ScenarioException(what + ": malformed path segment '" + path.get(i) + "'");
            }
            String key = m.group(1);
            List<Integer> indices = new ArrayList<>();
            Matcher ix = Pattern.compile("\\[(\\d+)]").matcher(m.group(2));
            while (ix.find()) {
                indices.add(Integer.parseInt(ix.group(1)));
            }
            if (!(node instanceof Map)) {
                throw new ScenarioException(what + ": '" + String.join(".", path.subList(0, i)) + "' is not a map of keys");
            }
            Map<String, Object> map = (Map<String, Object>) node;
            boolean last = i == path.size() - 1;
            if (indices.isEmpty()) {
                if (last) {
                    map.put(key, deepCopy(value));
                    return;
                }
                node = map.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
                continue;
            }
            Object list = map.get(key);
            for (int j = 0; j < indices.size(); j++) {
                if (!(list instanceof List)) {
                    throw new ScenarioException(what + ": '" + key + "' is not a list in the base scenario");
                }
                List<Object> l = (List<Object>) list;
                int index = indices.get(j);
                if (index >= l.size()) {
                    throw new ScenarioException(what + ": index " + index + " is past the end of '" + key + "' ("
                            + l.size() + " items)");
                }
                if (last && j == indices.size() - 1) {
                    l.set(index, deepCopy(value));
                    return;
                }
                list = l.get(index);
            }
            node = list;
        }
    }

    /** Names of the {@code {name}} placeholders in the tree's text values, in order of first use. */
    public List<String> placeholders() {
        List<String> out = new ArrayList<>();
        collectPlaceholders(root, out);
        return out;
    }

    private static void collectPlaceholders(Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                collectPlaceholders(v, out);
            }
        } else if (node instanceof List<?> l) {
            for (Object v : l) {
                collectPlaceholders(v, out);
            }
        } else if (node instanceof String s) {
            Matcher m = PLACEHOLDER.matcher(s);
            while (m.find()) {
                String name = m.group(1).trim();
                if (!out.contains(name)) {
                    out.add(name);
                }
            }
        }
    }

    /** Replaces every {@code {name}} in text values by its value (names absent from the map are left as they are). */
    public void substitute(Map<String, String> values) {
        substitute(root, values);
    }

    @SuppressWarnings("unchecked")
    private static Object substitute(Object node, Map<String, String> values) {
        if (node instanceof Map) {
            Map<String, Object> m = (Map<String, Object>) node;
            m.replaceAll((k, v) -> substitute(v, values));
            return m;
        }
        if (node instanceof List) {
            List<Object> l = (List<Object>) node;
            l.replaceAll(v -> substitute(v, values));
            return l;
        }
        if (node instanceof String s && s.indexOf('{') >= 0) {
            Matcher m = PLACEHOLDER.matcher(s);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String v = values.get(m.group(1).trim());
                m.appendReplacement(b, Matcher.quoteReplacement(v == null ? m.group() : v));
            }
            m.appendTail(b);
            return b.toString();
        }
        return node;
    }

    /** The tree as YAML text (block style). */
    public String toYaml() {
        DumperOptions d = new DumperOptions();
        d.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        d.setWidth(Integer.MAX_VALUE);
        return new Yaml(d).dump(root);
    }

    private static Object deepCopy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                c.put(String.valueOf(e.getKey()), deepCopy(e.getValue()));
            }
            return c;
        }
        if (o instanceof List<?> l) {
            List<Object> c = new ArrayList<>(l.size());
            for (Object v : l) {
                c.add(deepCopy(v));
            }
            return c;
        }
        return o;
    }
}
