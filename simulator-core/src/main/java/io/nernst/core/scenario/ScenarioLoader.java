package io.nernst.core.scenario;

import io.nernst.core.text.NameSuggestions;

import io.nernst.core.experiment.Experiment;
import io.nernst.core.experiment.ExperimentException;
import io.nernst.core.simulation.SolverOptions;
import io.nernst.core.units.Dimension;
import io.nernst.core.units.Quantity;
import io.nernst.core.units.UnitException;
import io.nernst.core.units.Units;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads scenario files (YAML, through Apache Commons Configuration 2) into {@link Scenario}s.
 *
 * <pre>
 * model: DFN
 * parameters:
 *   set: marquis2019
 *   file: my-cell.yaml            # optional: a map "parameter name": value, relative to this file
 *   overrides: {"Negative electrode thickness": "60 um"}
 * experiment:
 *   steps: ["Discharge at 1C until 3.105 V", "Rest for 1 hour"]
 *   repeat: 1                     # the steps are one cycle, run this many times
 *   period: "10 s"                # output period; absent = every integrator step
 *   # or, instead of steps/repeat, several blocks:
 *   # cycles: [{steps: [...], repeat: 1}, {steps: [...], repeat: 10}]
 * mesh: {negative: 31, separator: 11, positive: 31, particle: 11}
 * solver: {rtol: 1e-6, atol: 1e-8, maxStep: "60 s", initialStep: "1 ms", linearSolver: default}
 * output: {dir: out/marquis-1C, plot: true, fields: false, fieldTimes: ["10 min", "30 min"]}
 * </pre>
 * Every key is checked: an unknown key is an error that suggests the closest allowed one.
 * Relative output directories are resolved by the caller (against the working directory).
 */
public final class ScenarioLoader {

    private static final List<String> TOP_KEYS = List.of("model", "description", "parameters", "experiment", "mesh", "solver", "output");
    private static final List<String> PARAMETER_KEYS = List.of("set", "file", "overrides");
    private static final List<String> EXPERIMENT_KEYS = List.of("steps", "repeat", "period", "cycles");
    private static final List<String> CYCLE_KEYS = List.of("steps", "repeat");
    private static final List<String> MESH_KEYS = List.of("negative", "separator", "positive", "particle");
    private static final List<String> SOLVER_KEYS = List.of("rtol", "atol", "maxStep", "initialStep", "linearSolver");
    private static final List<String> OUTPUT_KEYS = List.of("dir", "plot", "fields", "fieldTimes");

    private ScenarioLoader() {
    }

    /**
     * Reads a scenario file.
     *
     * @throws ScenarioException naming the file (and line for YAML syntax errors) and the problem
     */
    public static Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario file " + file + ": " + describe(e));
        }
        Path dir = file.toAbsolutePath().getParent();
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return parse(new StringReader(text), file.toString(), dir, file, base);
    }

    /**
     * Reads a scenario from text.
     *
     * @param reader      the YAML
     * @param sourceName  name used in messages (a file name)
     * @param baseDir     directory against which {@code parameters.file} is resolved
     * @param source      the file, or null
     * @param defaultName run name used for the default output directory {@code out/<name>}
     */
    public static Scenario parse(Reader reader, String sourceName, Path baseDir, Path source, String defaultName) {
        ImmutableNode root = readYaml(reader, sourceName);
        Node top = new Node(sourceName, "", root);
        top.checkKeys(TOP_KEYS);

        String model = top.requiredString("model");

        Node params = top.requiredMap("parameters");
        params.checkKeys(PARAMETER_KEYS);
        String set = params.requiredString("set");
        Map<String, String> overrides = new LinkedHashMap<>();
        String file = params.optionalString("file");
        if (file != null) {
            Path p = baseDir == null ? Path.of(file) : baseDir.resolve(file);
            overrides.putAll(readParameterFile(p, params.key("file")));
        }
        Node o = params.optionalMap("overrides");
        if (o != null) {
            overrides.putAll(o.stringMap());
        }

        Experiment experiment = experiment(top.requiredMap("experiment"));

        MeshSettings mesh = MeshSettings.defaults();
        Node m = top.optionalMap("mesh");
        if (m != null) {
            m.checkKeys(MESH_KEYS);
            mesh = new MeshSettings(m.optionalCount("negative"), m.optionalCount("separator"),
                    m.optionalCount("positive"), m.optionalCount("particle"));
        }

        SolverOptions solver = SolverOptions.defaults();
        Node s = top.optionalMap("solver");
        if (s != null) {
            s.checkKeys(SOLVER_KEYS);
            double rtol = s.optionalPositive("rtol", solver.relativeTolerance());
            double atol = s.optionalPositive("atol", solver.absoluteTolerance());
            if (rtol >= 1) {
                throw s.typeError("rtol", String.valueOf(rtol), "a relative tolerance in (0, 1), e.g. 1e-6");
            }
            double maxStep = s.optionalDuration("maxStep", solver.maxStep());
            double initialStep = s.optionalDuration("initialStep", solver.initialStep());
            String linear = s.optionalString("linearSolver");
            if (linear == null) {
                linear = solver.linearSolver();
            }
            try {
                solver = new SolverOptions(rtol, atol, maxStep, initialStep, linear);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(sourceName + ": solver: " + e.getMessage());
            }
        }

        OutputSettings output = new OutputSettings(Path.of("out", defaultName == null ? "run" : defaultName), true, false, List.of());
        Node out = top.optionalMap("output");
        if (out != null) {
            out.checkKeys(OUTPUT_KEYS);
            String dir = out.optionalString("dir");
            List<Double> times = new ArrayList<>();
            for (String t : out.optionalStringList("fieldTimes")) {
                times.add(out.duration("fieldTimes", t, true));
            }
            output = new OutputSettings(dir == null ? output.directory() : Path.of(dir),
                    out.optionalBoolean("plot", true), out.optionalBoolean("fields", false), times);
        }
        return new Scenario(source, model, set, overrides, experiment, mesh, solver, output);
    }

    private static Experiment experiment(Node e) {
        e.checkKeys(EXPERIMENT_KEYS);
        Experiment.Builder b = Experiment.builder();
        String period = e.optionalString("period");
        if (period != null) {
            b.period(e.duration("period", period, false));
        }
        boolean hasSteps = e.has("steps");
        List<Node> cycles = e.mapList("cycles");
        if (hasSteps && !cycles.isEmpty()) {
            throw new ScenarioException(e.source + ": experiment: give either 'steps' (with 'repeat') or 'cycles', not both");
        }
        if (!hasSteps && cycles.isEmpty()) {
            throw new ScenarioException(e.source + ": experiment: missing 'steps', e.g. steps: [\"Discharge at 1C until 3.0 V\"]");
        }
        if (hasSteps) {
            block(b, e, e.optionalCount("repeat", 1));
        } else {
            if (e.has("repeat")) {
                throw new ScenarioException(e.source + ": experiment.repeat applies to 'steps'; with 'cycles' give each cycle its own repeat");
            }
            for (Node c : cycles) {
                c.checkKeys(CYCLE_KEYS);
                block(b, c, c.optionalCount("repeat", 1));
            }
        }
        return b.build();
    }

    private static void block(Experiment.Builder b, Node n, int repeat) {
        List<String> steps = n.optionalStringList("steps");
        if (steps.isEmpty()) {
            throw n.typeError("steps", "[]", "a non-empty list of step sentences");
        }
        for (int i = 0; i < steps.size(); i++) {
            try {
                io.nernst.core.experiment.ExperimentStep.parse(steps.get(i));
            } catch (ExperimentException x) {
                throw new ScenarioException(n.source + ": " + n.key("steps") + "[" + i + "]: " + x.getMessage(), x);
            }
        }
        b.block(repeat, steps);
    }

    private static Map<String, String> readParameterFile(Path p, String key) {
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException("cannot read parameter file " + p + " (from " + key + "): " + describe(e));
        }
        ImmutableNode root = readYaml(new StringReader(text), p.toString());
        return new Node(p.toString(), "", root).stringMap();
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Parses YAML, turning SnakeYAML's marked errors into "file line L, column C: problem". */
    static ImmutableNode readYaml(Reader reader, String sourceName) {
        YAMLConfiguration config = new YAMLConfiguration();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            config.read(reader, options);
        } catch (ConfigurationException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof MarkedYAMLException) {
                    MarkedYAMLException y = (MarkedYAMLException) t;
                    Mark mark = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
                    String where = mark == null ? "" : " line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
                    String problem = y.getProblem() != null ? y.getProblem() : y.getMessage();
                    String context = y.getContext() != null ? " (" + y.getContext() + ")" : "";
                    throw new ScenarioException("unreadable YAML in " + sourceName + where + ": " + problem + context, e);
                }
            }
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new ScenarioException("unreadable YAML in " + sourceName + ": " + root.getMessage(), e);
        }
        return config.getNodeModel().getNodeHandler().getRootNode();
    }



    /** A map node of the YAML tree with its dotted path, for messages. */
    private static final class Node {
        final String source;
        final String path;
        final ImmutableNode node;

        Node(String source, String path, ImmutableNode node) {
            this.source = source;
            this.path = path;
            this.node = node;
        }

        String key(String child) {
            return path.isEmpty() ? child : path + "." + child;
        }

        List<ImmutableNode> children(String name) {
            List<ImmutableNode> out = new ArrayList<>();
            for (ImmutableNode c : node.getChildren()) {
                if (c.getNodeName().equals(name)) {
                    out.add(c);
                }
            }
            return out;
        }

        boolean has(String name) {
            return !children(name).isEmpty();
        }

        void checkKeys(List<String> allowed) {
            for (ImmutableNode c : node.getChildren()) {
                if (!allowed.contains(c.getNodeName())) {
                    throw new ScenarioException(source + ": unknown key '" + key(c.getNodeName()) + "'; did you mean '"
                            + key(NameSuggestions.closest(c.getNodeName(), allowed)) + "'? Allowed here: " + String.join(", ", allowed));
                }
            }
        }

        ScenarioException typeError(String child, String value, String allowed) {
            return new ScenarioException(source + ": " + key(child) + " = '" + value + "' is not allowed: expected " + allowed);
        }

        private ImmutableNode single(String child, String expected) {
            List<ImmutableNode> c = children(child);
            if (c.isEmpty()) {
                return null;
            }
            if (c.size() > 1) {
                throw typeError(child, "a list of " + c.size() + " items", expected);
            }
            return c.get(0);
        }

        private Object scalar(String child, String expected) {
            ImmutableNode n = single(child, expected);
            if (n == null) {
                return null;
            }
            if (!n.getChildren().isEmpty()) {
                throw typeError(child, "a map", expected);
            }
            return n.getValue();
        }

        String requiredString(String child) {
            String s = optionalString(child);
            if (s == null || s.isBlank()) {
                throw new ScenarioException(source + ": missing key '" + key(child) + "'");
            }
            return s;
        }

        String optionalString(String child) {
            Object v = scalar(child, "a single text value");
            return v == null ? null : v.toString().trim();
        }

        Node optionalMap(String child) {
            ImmutableNode n = single(child, "a map of keys");
            if (n == null) {
                return null;
            }
            if (n.getChildren().isEmpty() && n.getValue() != null) {
                throw typeError(child, String.valueOf(n.getValue()), "a map of keys");
            }
            return new Node(source, key(child), n);
        }

        Node requiredMap(String child) {
            Node n = optionalMap(child);
            if (n == null) {
                throw new ScenarioException(source + ": missing key '" + key(child) + "'");
            }
            return n;
        }

        List<Node> mapList(String child) {
            List<Node> out = new ArrayList<>();
            for (ImmutableNode n : children(child)) {
                if (n.getChildren().isEmpty()) {
                    throw typeError(child, String.valueOf(n.getValue()), "a list of maps such as {steps: [...], repeat: 2}");
                }
                out.add(new Node(source, key(child) + "[" + out.size() + "]", n));
            }
            return out;
        }

        List<String> optionalStringList(String child) {
            List<String> out = new ArrayList<>();
            for (ImmutableNode n : children(child)) {
                if (!n.getChildren().isEmpty() || n.getValue() == null) {
                    throw typeError(child, n.getValue() == null ? "an empty item" : "a map", "a list of text items");
                }
                out.add(n.getValue().toString());
            }
            return out;
        }

        /** Children as name to text, e.g. parameter overrides. */
        Map<String, String> stringMap() {
            Map<String, String> out = new LinkedHashMap<>();
            for (ImmutableNode c : node.getChildren()) {
                if (!c.getChildren().isEmpty() || c.getValue() == null) {
                    throw typeError(c.getNodeName(), c.getValue() == null ? "" : "a map", "a value such as \"60 um\" or 0.3");
                }
                if (out.containsKey(c.getNodeName())) {
                    throw typeError(c.getNodeName(), "a list", "a single value such as \"60 um\" or 0.3");
                }
                out.put(c.getNodeName(), c.getValue().toString());
            }
            return out;
        }

        int optionalCount(String child) {
            return optionalCount(child, 0);
        }

        int optionalCount(String child, int dflt) {
            Object v = scalar(child, "a positive whole number");
            if (v == null) {
                return dflt;
            }
            if (v instanceof Integer || v instanceof Long) {
                long l = ((Number) v).longValue();
                if (l >= 1 && l <= Integer.MAX_VALUE) {
                    return (int) l;
                }
            } else if (v instanceof String) {
                try {
                    int i = Integer.parseInt(((String) v).trim());
                    if (i >= 1) {
                        return i;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
            }
            throw typeError(child, String.valueOf(v), "a positive whole number");
        }

        double optionalPositive(String child, double dflt) {
            Object v = scalar(child, "a positive number");
            if (v == null) {
                return dflt;
            }
            double d = Double.NaN;
            if (v instanceof Number) {
                d = ((Number) v).doubleValue();
            } else {
                // YAML 1.1 reads "1e-6" (no dot) as text
                try {
                    d = Double.parseDouble(v.toString().trim());
                } catch (NumberFormatException ignored) {
                    // reported below
                }
            }
            if (!(d > 0 && Double.isFinite(d))) {
                throw typeError(child, String.valueOf(v), "a positive number such as 1e-6");
            }
            return d;
        }

        double optionalDuration(String child, double dflt) {
            Object v = scalar(child, "a duration such as \"60 s\"");
            if (v == null) {
                return dflt;
            }
            return duration(child, v.toString(), false);
        }

        /** A duration: a quantity with a time unit ("10 s"); a bare number is rejected, not taken as seconds. */
        double duration(String child, String text, boolean zeroAllowed) {
            double d;
            String trimmed = text.trim();
            if (Quantity.startsWithNumber(trimmed) && Quantity.unitText(trimmed).isEmpty()) {
                throw new ScenarioException(source + ": " + Units.missingUnit(key(child), trimmed, Dimension.TIME, null).getMessage()
                        + ", '5 min' or '1 hour'");
            }
            try {
                d = Quantity.parse(trimmed).siValue(Dimension.TIME, key(child));
            } catch (UnitException e) {
                throw typeError(child, text, "a duration such as \"10 s\", \"5 min\" or \"1 hour\" (" + e.getMessage() + ")");
            }
            if (!(zeroAllowed ? d >= 0 : d > 0) || !Double.isFinite(d)) {
                throw typeError(child, text, zeroAllowed ? "a duration >= 0" : "a positive duration");
            }
            return d;
        }

        boolean optionalBoolean(String child, boolean dflt) {
            Object v = scalar(child, "true or false");
            if (v == null) {
                return dflt;
            }
            if (v instanceof Boolean) {
                return (Boolean) v;
            }
            String s = v.toString().trim().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("yes") || s.equals("on")) {
                return true;
            }
            if (s.equals("false") || s.equals("no") || s.equals("off")) {
                return false;
            }
            throw typeError(child, v.toString(), "true or false");
        }
    }
}
