package io.nernst.core.study;

import io.nernst.core.scenario.ScenarioException;
import io.nernst.core.scenario.YamlNode;
import io.nernst.core.text.NameSuggestions;
import io.nernst.core.units.Dimension;
import io.nernst.core.units.Quantity;
import io.nernst.core.units.UnitException;
import io.nernst.core.units.Units;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * Reads study files.
 *
 * <pre>
 * description: DFN capacity over C-rate and positive electrode thickness
 * base: ../marquis2019-1C.yaml          # a cell scenario (nernst run) or a deposition scenario (nernst deposit)
 * set:                                  # edits of the base applied to every run, by path
 *   experiment.steps: ["Discharge at {C-rate}C until 3.105 V"]
 * design: grid                          # grid | zip | random | latin-hypercube | sobol
 * samples: 64                           # sampled designs: number of runs
 * seed: 7                               # sampled designs
 * vary:
 *   Positive electrode thickness: {from: 60 um, to: 100 um, count: 5}   # grid range (scale: linear | log)
 *   C-rate: [0.5, 1, 2]                 # a {placeholder} of the scenario, a parameter, or a path (mesh.negative)
 * metrics:
 *   capacity: discharge capacity        # shorthand: a metric type
 *   end voltage: {type: end voltage, step: 1}
 * keep: [timeseries]                    # per-run outputs (default none)
 * timeout: 2 min                        # per run (default none)
 * </pre>
 * Every key and value is checked before any run; errors name the study file and the key.
 */
public final class StudyLoader {

    private static final List<String> TOP = List.of("name", "description", "base", "set", "design", "samples", "seed",
            "vary", "metrics", "keep", "timeout");
    private static final List<String> RANGE = List.of("from", "to", "count", "scale");
    private static final List<String> METRIC = List.of("type", "step", "cycle", "first", "last", "column", "height", "unit");
    private static final List<String> CELL_TOP = List.of("model", "description", "temperature", "parameters", "experiment",
            "mesh", "solver", "output");
    private static final List<String> DEPOSITION_TOP = List.of("description", "electrolyte", "temperature", "kinetics",
            "lithium", "domain", "morphology", "control", "time", "stop", "numerics", "output");

    private StudyLoader() {
    }

    /**
     * Reads a study file and its base scenario.
     *
     * @throws ScenarioException (bad input) naming the file, the key and what is allowed
     */
    public static StudyDefinition load(Path file) {
        String text = read(file, "study file");
        Path dir = file.toAbsolutePath().getParent();
        String defaultName = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return parse(text, file.toString(), dir, defaultName);
    }

    /** Reads a study from text; {@code dir} resolves the base scenario. */
    @SuppressWarnings("unchecked")
    public static StudyDefinition parse(String text, String source, Path dir, String defaultName) {
        YamlNode top = YamlNode.read(new StringReader(text), source, true);
        top.checkKeys(TOP);
        String name = top.string("name");
        if (name == null || name.isBlank()) {
            name = defaultName;
        }
        String description = top.string("description");

        String baseName = top.requiredString("base");
        Path basePath = dir == null ? Path.of(baseName) : dir.resolve(baseName);
        String baseText = read(basePath, "base scenario (" + top.key("base") + ")");
        ScenarioTree tree = ScenarioTree.parse(baseText, basePath.toString());
        StudyDefinition.Kind kind = tree.has("model") ? StudyDefinition.Kind.CELL : StudyDefinition.Kind.DEPOSITION;
        List<String> scenarioTop = kind == StudyDefinition.Kind.CELL ? CELL_TOP : DEPOSITION_TOP;

        YamlNode set = top.map("set");
        if (set != null) {
            // the values as YAML wrote them (a one-item list stays a list), read again with SnakeYAML
            Object setValues = ScenarioTree.parse(text, source).get(List.of("set"));
            for (Map.Entry<String, Object> e : ((Map<String, Object>) setValues).entrySet()) {
                List<String> path = Arrays.asList(e.getKey().split("\\."));
                String head = path.get(0).replaceFirst("\\[.*", "");
                if (!scenarioTop.contains(head)) {
                    throw new ScenarioException(source + ": " + set.key(e.getKey()) + ": '" + head + "' is not a key of a "
                            + kindWord(kind) + " scenario; did you mean '" + NameSuggestions.closest(head, scenarioTop)
                            + "'? Allowed: " + String.join(", ", scenarioTop));
                }
                tree.set(path, e.getValue(), source + ": " + set.key(e.getKey()));
            }
        }

        StudyDefinition.Design design = design(top);
        int samples = 0;
        long seed = 0;
        if (design.sampled()) {
            samples = positiveInt(top, "samples", -1);
            seed = seed(top);
        } else {
            for (String k : List.of("samples", "seed")) {
                if (top.has(k)) {
                    throw new ScenarioException(source + ": '" + k + "' applies to sampled designs (random, latin-hypercube, "
                            + "sobol), not to design '" + design.word() + "'");
                }
            }
        }

        YamlNode vary = top.requiredMap("vary");
        List<String> placeholders = tree.placeholders();
        List<Variable> variables = new ArrayList<>();
        for (Map.Entry<String, List<ImmutableNode>> e : childGroups(vary.node()).entrySet()) {
            variables.add(variable(vary, e.getKey(), e.getValue(), design, kind, scenarioTop, placeholders));
        }
        if (variables.isEmpty()) {
            throw new ScenarioException(source + ": 'vary' is empty: name at least one input, e.g. vary: {\"C-rate\": [0.5, 1, 2]}");
        }
        for (String p : placeholders) {
            if (variables.stream().noneMatch(v -> v.target() == Variable.Target.PLACEHOLDER && v.name().equals(p))) {
                throw new ScenarioException(source + ": the scenario uses the placeholder {" + p + "} but 'vary' does not name it"
                        + (variables.isEmpty() ? "" : "; did you mean '" + NameSuggestions.closest(p,
                        variables.stream().map(Variable::name).toList()) + "'?"));
            }
        }
        if (design == StudyDefinition.Design.ZIP) {
            int n = variables.get(0).values().size();
            for (Variable v : variables) {
                if (v.values().size() != n) {
                    throw new ScenarioException(source + ": design zip pairs the i-th values of every input, so all need the same "
                            + "number of values: '" + variables.get(0).name() + "' has " + n + ", '" + v.name() + "' has "
                            + v.values().size());
                }
            }
        }

        List<MetricSpec> metrics = new ArrayList<>();
        YamlNode m = top.map("metrics");
        if (m != null) {
            for (Map.Entry<String, List<ImmutableNode>> e : childGroups(m.node()).entrySet()) {
                metrics.add(metric(m, e.getKey(), e.getValue(), kind));
            }
        }
        if (metrics.isEmpty()) {
            throw new ScenarioException(source + ": missing key 'metrics': declare at least one, e.g. metrics: {capacity: "
                    + (kind == StudyDefinition.Kind.CELL ? "discharge capacity" : "max height") + "}");
        }

        boolean keepTimeseries = false;
        for (ImmutableNode k : top.children("keep")) {
            String v = String.valueOf(k.getValue()).trim();
            if (!v.equals("timeseries")) {
                throw top.typeError("keep", v, "a list of per-run outputs to keep: [timeseries]");
            }
            keepTimeseries = true;
        }
        double timeout = Double.POSITIVE_INFINITY;
        String t = top.string("timeout");
        if (t != null) {
            timeout = quantity(top, "timeout", t, Dimension.TIME, "a duration such as \"2 min\"");
            if (!(timeout > 0)) {
                throw top.typeError("timeout", t, "a positive duration");
            }
        }
        String hash = sha256(text + "\u0000" + baseText);
        return new StudyDefinition(name, description == null ? "" : description, source,
                basePath.toAbsolutePath().getParent().toString(), kind, basePath.toString(), tree.toYaml(), design, samples,
                seed, variables, metrics, keepTimeseries, timeout, hash);
    }

    private static String kindWord(StudyDefinition.Kind kind) {
        return kind == StudyDefinition.Kind.CELL ? "cell" : "deposition";
    }

    private static StudyDefinition.Design design(YamlNode top) {
        String d = top.string("design");
        if (d == null) {
            return StudyDefinition.Design.GRID;
        }
        List<String> words = Arrays.stream(StudyDefinition.Design.values()).map(StudyDefinition.Design::word).toList();
        for (StudyDefinition.Design x : StudyDefinition.Design.values()) {
            if (x.word().equalsIgnoreCase(d.replace('_', '-'))) {
                return x;
            }
        }
        throw new ScenarioException(top.source() + ": design = '" + d + "' is not allowed; did you mean '"
                + NameSuggestions.closest(d, words) + "'? Allowed: " + String.join(", ", words));
    }

    private static Variable variable(YamlNode vary, String name, List<ImmutableNode> nodes, StudyDefinition.Design design,
                                     StudyDefinition.Kind kind, List<String> scenarioTop, List<String> placeholders) {
        String key = vary.key(name);
        String src = vary.source();
        Variable.Target target;
        List<String> path;
        String head = name.split("[.\\[]", 2)[0];
        if (scenarioTop.contains(head) && (name.contains(".") || name.contains("[") || name.equals(head))) {
            // a scenario key by its path, including top-level scalars such as temperature or model
            target = Variable.Target.PATH;
            path = Arrays.asList(name.split("\\."));
        } else if (placeholders.contains(name)) {
            target = Variable.Target.PLACEHOLDER;
            path = List.of();
        } else if (kind == StudyDefinition.Kind.CELL) {
            // checked against the parameter set by the study's backend before any run
            target = Variable.Target.PARAMETER;
            path = List.of("parameters", "overrides", name);
        } else {
            List<String> candidates = new ArrayList<>(placeholders);
            candidates.addAll(scenarioTop);
            throw new ScenarioException(src + ": unknown varied name '" + name + "'" + (candidates.isEmpty() ? ""
                    : "; did you mean '" + NameSuggestions.closest(name, candidates) + "'?")
                    + " A varied name is a scenario path such as "
                    + (kind == StudyDefinition.Kind.CELL ? "mesh.negative or experiment.steps[0], a parameter name"
                    : "control.currentDensity or electrolyte.conductivity")
                    + ", or a {placeholder} used in the scenario's text");
        }
        boolean isMap = nodes.size() == 1 && !nodes.get(0).getChildren().isEmpty();
        if (design.sampled()) {
            if (!isMap) {
                throw new ScenarioException(src + ": " + key + ": a " + design.word() + " design draws values between bounds: "
                        + "give {from: ..., to: ..., scale: linear|log}");
            }
            YamlNode r = vary.map(name);
            r.checkKeys(List.of("from", "to", "scale"));
            Bounds b = bounds(r, key);
            return new Variable(name, target, path, b.unit, List.of(), b.from, b.to, b.scale);
        }
        List<String> values = new ArrayList<>();
        String unit;
        if (isMap) {
            YamlNode r = vary.map(name);
            r.checkKeys(RANGE);
            Bounds b = bounds(r, key);
            int count = positiveInt(r, "count", -1);
            if (count == 1 && b.from != b.to) {
                throw r.typeError("count", "1", "at least 2 values between different bounds");
            }
            for (int i = 0; i < count; i++) {
                double f = count == 1 ? 0 : (double) i / (count - 1);
                double x = b.scale == Variable.Scale.LOG ? b.from * Math.pow(b.to / b.from, f) : b.from + (b.to - b.from) * f;
                if (i == count - 1) {
                    x = b.to; // exact end point
                }
                values.add(textOf(x, b.unit));
            }
            unit = b.unit;
        } else {
            for (ImmutableNode n : nodes) {
                if (!n.getChildren().isEmpty() || n.getValue() == null) {
                    throw vary.typeError(name, n.getValue() == null ? "an empty item" : "a map inside the list",
                            "a list of values with units such as [\"60 um\", \"80 um\"], or {from: ..., to: ..., count: ...}");
                }
                values.add(n.getValue().toString().trim());
            }
            unit = "";
            String first = values.get(0);
            if (Quantity.startsWithNumber(first)) {
                try {
                    unit = Quantity.unitText(first);
                    Quantity.parse(first);
                } catch (UnitException e) {
                    throw new ScenarioException(src + ": " + key + " = '" + first + "': " + e.getMessage());
                }
                for (String v : values) {
                    numberIn(v, unit, src + ": " + key);
                }
            }
        }
        if (values.size() != values.stream().distinct().count()) {
            throw new ScenarioException(src + ": " + key + " lists a value twice: " + values);
        }
        return new Variable(name, target, path, unit, values, Double.NaN, Double.NaN, Variable.Scale.LINEAR);
    }

    /** The number of a value in the variable's unit (NaN for text that is not a quantity). */
    static double numberIn(String text, String unit, String what) {
        if (!Quantity.startsWithNumber(text.trim())) {
            return Double.NaN;
        }
        try {
            if (unit.isEmpty()) {
                if (!Quantity.unitText(text.trim()).isEmpty()) {
                    throw new UnitException("'" + text + "' has a unit but the first value of the list has none: write every value "
                            + "with a unit, or none");
                }
                return Quantity.number(text.trim());
            }
            if (Quantity.unitText(text.trim()).isEmpty()) {
                throw new UnitException("'" + text + "' needs a unit, as the first value of the list has one ('" + unit + "')");
            }
            return Units.convert(text, unit, what);
        } catch (UnitException e) {
            throw new ScenarioException(what + ": " + e.getMessage());
        }
    }

    private record Bounds(double from, double to, String unit, Variable.Scale scale) {
    }

    private static Bounds bounds(YamlNode r, String key) {
        String fromText = requiredScalar(r, "from");
        String toText = requiredScalar(r, "to");
        String unit;
        double from;
        double to;
        try {
            Quantity.parse(fromText);
            unit = Quantity.unitText(fromText);
        } catch (UnitException e) {
            throw new ScenarioException(r.source() + ": " + r.key("from") + " = '" + fromText + "': " + e.getMessage());
        }
        from = numberIn(fromText, unit, r.source() + ": " + r.key("from"));
        to = numberIn(toText, unit, r.source() + ": " + r.key("to"));
        if (!(Double.isFinite(from) && Double.isFinite(to))) {
            throw new ScenarioException(r.source() + ": " + key + ": from and to must be numbers (with units where the input has one)");
        }
        if (!(to > from)) {
            throw r.typeError("to", toText, "a value above from = '" + fromText + "'");
        }
        Variable.Scale scale = Variable.Scale.LINEAR;
        String s = r.string("scale");
        if (s != null) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "linear" -> scale = Variable.Scale.LINEAR;
                case "log" -> scale = Variable.Scale.LOG;
                default -> throw r.typeError("scale", s, "linear or log");
            }
        }
        if (scale == Variable.Scale.LOG && !(from > 0)) {
            throw r.typeError("from", fromText, "a positive value for scale: log");
        }
        return new Bounds(from, to, unit, scale);
    }

    private static String textOf(double x, String unit) {
        String n = StudyNumbers.format(x);
        return unit.isEmpty() ? n : n + " " + unit;
    }

    private static MetricSpec metric(YamlNode m, String name, List<ImmutableNode> nodes, StudyDefinition.Kind kind) {
        String src = m.source();
        String typeText;
        YamlNode spec = null;
        if (nodes.size() == 1 && nodes.get(0).getChildren().isEmpty() && nodes.get(0).getValue() != null) {
            typeText = nodes.get(0).getValue().toString();
        } else {
            spec = m.map(name);
            spec.checkKeys(METRIC);
            typeText = spec.requiredString("type");
        }
        MetricSpec.Type type = MetricSpec.Type.byWord(typeText);
        List<String> allowed = Arrays.stream(MetricSpec.Type.values())
                .filter(x -> kind == StudyDefinition.Kind.CELL ? x.cell() : x.deposition()).map(MetricSpec.Type::word).toList();
        if (type == null || !allowed.contains(type.word())) {
            throw new ScenarioException(src + ": " + m.key(name) + ": unknown metric '" + typeText + "' for a "
                    + kindWord(kind) + " study; did you mean '" + NameSuggestions.closest(typeText, allowed) + "'? Allowed: "
                    + String.join(", ", allowed));
        }
        int step = spec == null ? 0 : positiveInt(spec, "step", 0);
        int cycle = spec == null ? 0 : positiveInt(spec, "cycle", 0);
        int first = spec == null ? 1 : positiveInt(spec, "first", 1);
        int last = spec == null ? 0 : positiveInt(spec, "last", 0);
        String column = spec == null ? null : spec.string("column");
        double height = Double.NaN;
        if (spec != null && spec.has("height")) {
            height = quantity(spec, "height", spec.string("height"), Dimension.LENGTH, "a height such as \"20 um\"");
        }
        boolean needsColumn = type == MetricSpec.Type.VALUE || type == MetricSpec.Type.MIN || type == MetricSpec.Type.MAX;
        if (needsColumn && (column == null || column.isBlank())) {
            throw new ScenarioException(src + ": " + m.key(name) + ": metric '" + type.word() + "' needs 'column', the name of an "
                    + "output column with its unit, e.g. column: \"Voltage [V]\"");
        }
        if (!needsColumn && column != null) {
            throw new ScenarioException(src + ": " + m.key(name) + ": 'column' applies to metrics value, min and max");
        }
        if (type == MetricSpec.Type.TIME_TO_HEIGHT && Double.isNaN(height)) {
            throw new ScenarioException(src + ": " + m.key(name) + ": metric 'time to height' needs 'height', e.g. height: 20 um");
        }
        if (type != MetricSpec.Type.TIME_TO_HEIGHT && !Double.isNaN(height)) {
            throw new ScenarioException(src + ": " + m.key(name) + ": 'height' applies to metric 'time to height'");
        }
        if (step > 0 && cycle > 0) {
            throw new ScenarioException(src + ": " + m.key(name) + ": give 'step' or 'cycle', not both");
        }
        String nativeUnit = needsColumn ? columnUnit(column) : type.nativeUnit();
        String unit = nativeUnit;
        if (spec != null && spec.has("unit")) {
            unit = spec.string("unit");
            try {
                Units.convert("1 " + nativeUnit, unit, src + ": " + spec.key("unit"));
            } catch (UnitException e) {
                throw new ScenarioException(src + ": " + spec.key("unit") + " = '" + unit + "': " + e.getMessage());
            }
        }
        return new MetricSpec(name, type, step, cycle, first, last, column, height, unit);
    }

    /** The unit in brackets at the end of a column name ("Voltage [V]" gives "V"), or "". */
    static String columnUnit(String column) {
        int a = column.lastIndexOf('[');
        int b = column.lastIndexOf(']');
        if (a >= 0 && b > a && b == column.length() - 1) {
            String u = column.substring(a + 1, b).trim();
            return u.equals("-") || u.equals("1") ? "" : u;
        }
        return "";
    }

    private static double quantity(YamlNode n, String child, String text, Dimension dimension, String expected) {
        String t = text.trim();
        if (Quantity.startsWithNumber(t) && Quantity.unitText(t).isEmpty()) {
            throw new ScenarioException(n.source() + ": " + Units.missingUnit(n.key(child), t, dimension, null).getMessage());
        }
        try {
            return Quantity.parse(t).siValue(dimension, n.key(child));
        } catch (UnitException e) {
            throw n.typeError(child, text, expected + " (" + e.getMessage() + ")");
        }
    }

    private static String requiredScalar(YamlNode n, String child) {
        Object v = n.scalar(child, "a value with its unit, e.g. \"60 um\"");
        if (v == null) {
            throw n.missing(child);
        }
        return v.toString().trim();
    }

    private static int positiveInt(YamlNode n, String child, int dflt) {
        Object v = n.scalar(child, "a positive whole number");
        if (v == null) {
            if (dflt < 0) {
                throw n.missing(child);
            }
            return dflt;
        }
        try {
            long l = Long.parseLong(v.toString().trim());
            if (l >= 1 && l <= Integer.MAX_VALUE) {
                return (int) l;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw n.typeError(child, String.valueOf(v), "a positive whole number");
    }

    private static long seed(YamlNode n) {
        Object v = n.scalar("seed", "a whole number");
        if (v == null) {
            throw new ScenarioException(n.source() + ": missing key 'seed': a sampled design needs a seed so that the study "
                    + "can be repeated and resumed, e.g. seed: 1");
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw n.typeError("seed", v.toString(), "a whole number");
        }
    }

    /** Children grouped by name in order (a YAML list is several siblings of one name). */
    private static Map<String, List<ImmutableNode>> childGroups(ImmutableNode node) {
        Map<String, List<ImmutableNode>> out = new LinkedHashMap<>();
        for (ImmutableNode c : node.getChildren()) {
            out.computeIfAbsent(c.getNodeName(), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException("cannot read " + what + " " + file + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
