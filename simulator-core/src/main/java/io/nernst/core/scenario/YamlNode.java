package io.nernst.core.scenario;

import io.nernst.core.text.NameSuggestions;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One map of a YAML tree read through Apache Commons Configuration 2, with the file it came from
 * and its dotted path, so that every error names the file and the full key
 * ({@code "run.yaml: solver.rtol = 'x' is not allowed: expected ..."}).
 * Shared by the scenario readers ({@link ScenarioLoader}, the deposition scenario in
 * {@code models}); the typed readers that differ between them (units, ranges, defaults) stay with
 * their readers and build on {@link #scalar}, {@link #typeError} and {@link #key}.
 */
public final class YamlNode {

    private final String source;
    private final String path;
    private final ImmutableNode node;
    private final boolean detailedMessages;

    /**
     * Parses YAML (duplicate keys rejected) into its root map, turning SnakeYAML's marked errors
     * into {@code "unreadable YAML in <source> line L, column C: problem"}.
     *
     * @param reader           the YAML
     * @param source           file name used in messages
     * @param detailedMessages the two readers' message styles, kept as they were: true adds the
     *                         SnakeYAML context to syntax errors, reports the root cause of other
     *                         read errors and describes a key repeated as a list as
     *                         "a list of N items"; false gives the problem alone, the read error's
     *                         own message and "a list"
     * @throws ScenarioException naming the source (and line and column where SnakeYAML knows them)
     */
    public static YamlNode read(Reader reader, String source, boolean detailedMessages) {
        YAMLConfiguration config = new YAMLConfiguration();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            config.read(reader, options);
        } catch (ConfigurationException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ClassCastException) {
                    // Commons Configuration casts the document to a map: a scalar or a list at the top
                    throw new ScenarioException(source + ": the file holds a single value or a list, not a map of keys "
                            + "(e.g. 'model: DFN' on its own line)", e);
                }
                if (t instanceof MarkedYAMLException y) {
                    Mark mark = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
                    String where = mark == null ? "" : " line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
                    String problem = y.getProblem() != null ? y.getProblem() : y.getMessage();
                    String context = detailedMessages && y.getContext() != null ? " (" + y.getContext() + ")" : "";
                    throw new ScenarioException("unreadable YAML in " + source + where + ": " + problem + context, e);
                }
            }
            Throwable root = e;
            while (detailedMessages && root.getCause() != null) {
                root = root.getCause();
            }
            throw new ScenarioException("unreadable YAML in " + source + ": " + root.getMessage(), e);
        }
        return new YamlNode(source, "", config.getNodeModel().getNodeHandler().getRootNode(), detailedMessages);
    }

    private YamlNode(String source, String path, ImmutableNode node, boolean detailedMessages) {
        this.source = source;
        this.path = path;
        this.node = node;
        this.detailedMessages = detailedMessages;
    }

    /** The file name used in messages. */
    public String source() {
        return source;
    }

    /** The dotted path of this map ({@code ""} for the root, {@code "cycles[1]"} in a list). */
    public String path() {
        return path;
    }

    /** The underlying Commons Configuration node. */
    public ImmutableNode node() {
        return node;
    }

    /** The dotted key of a child, for messages. */
    public String key(String child) {
        return path.isEmpty() ? child : path + "." + child;
    }

    /** The child nodes with this name (several when the YAML value is a list). */
    public List<ImmutableNode> children(String name) {
        List<ImmutableNode> out = new ArrayList<>();
        for (ImmutableNode c : node.getChildren()) {
            if (c.getNodeName().equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether the key is present. */
    public boolean has(String name) {
        return !children(name).isEmpty();
    }

    /**
     * Checks every key of this map against the allowed ones.
     *
     * @throws ScenarioException naming the unknown key, the closest allowed one and all allowed ones
     */
    public void checkKeys(List<String> allowed) {
        for (ImmutableNode c : node.getChildren()) {
            if (!allowed.contains(c.getNodeName())) {
                throw new ScenarioException(source + ": unknown key '" + key(c.getNodeName()) + "'; did you mean '"
                        + key(NameSuggestions.closest(c.getNodeName(), allowed)) + "'? Allowed here: " + String.join(", ", allowed));
            }
        }
    }

    /** The error for a value that is not allowed: names the key, the value and what is expected. */
    public ScenarioException typeError(String child, String value, String expected) {
        return new ScenarioException(source + ": " + key(child) + " = '" + value + "' is not allowed: expected " + expected);
    }

    /** The error for a required key that is absent. */
    public ScenarioException missing(String child) {
        return new ScenarioException(source + ": missing key '" + key(child) + "'");
    }

    private String repeated(int count) {
        return detailedMessages ? "a list of " + count + " items" : "a list";
    }

    /**
     * The single scalar value of a key (as SnakeYAML typed it), or null when the key is absent.
     *
     * @param expected what is allowed, for the message when the value is a list or a map
     */
    public Object scalar(String child, String expected) {
        List<ImmutableNode> c = children(child);
        if (c.isEmpty()) {
            return null;
        }
        if (c.size() > 1) {
            throw typeError(child, repeated(c.size()), expected);
        }
        if (!c.get(0).getChildren().isEmpty()) {
            throw typeError(child, "a map", expected);
        }
        return c.get(0).getValue();
    }

    /** A text value, trimmed, or null when the key is absent. */
    public String string(String child) {
        Object v = scalar(child, "a single text value");
        return v == null ? null : v.toString().trim();
    }

    /** A non-blank text value. */
    public String requiredString(String child) {
        String s = string(child);
        if (s == null || s.isBlank()) {
            throw missing(child);
        }
        return s;
    }

    /** A nested map, or null when the key is absent. */
    public YamlNode map(String child) {
        List<ImmutableNode> c = children(child);
        if (c.isEmpty()) {
            return null;
        }
        if (c.size() > 1) {
            throw typeError(child, repeated(c.size()), "a map of keys");
        }
        ImmutableNode n = c.get(0);
        if (n.getChildren().isEmpty() && n.getValue() != null) {
            throw typeError(child, String.valueOf(n.getValue()), "a map of keys");
        }
        return new YamlNode(source, key(child), n, detailedMessages);
    }

    /** A nested map that must be present. */
    public YamlNode requiredMap(String child) {
        YamlNode n = map(child);
        if (n == null) {
            throw missing(child);
        }
        return n;
    }

    /**
     * A list of maps (empty when the key is absent); each item's path is {@code key[i]}.
     *
     * @param example an example list for the message when an item is not a map
     */
    public List<YamlNode> mapList(String child, String example) {
        List<YamlNode> out = new ArrayList<>();
        for (ImmutableNode n : children(child)) {
            if (n.getChildren().isEmpty()) {
                throw typeError(child, String.valueOf(n.getValue()), "a list of maps such as " + example);
            }
            out.add(new YamlNode(source, key(child) + "[" + out.size() + "]", n, detailedMessages));
        }
        return out;
    }
}
