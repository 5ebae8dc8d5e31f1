package io.nernst.core.scenario;

import io.nernst.core.experiment.Experiment;
import io.nernst.core.experiment.ExperimentException;
import io.nernst.core.model.ModelChoice;
import io.nernst.core.simulation.SolverOptions;
import io.nernst.core.units.Dimension;
import io.nernst.core.units.Quantity;
import io.nernst.core.units.UnitException;
import io.nernst.core.units.Units;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * Reads scenario files (YAML, through Apache Commons Configuration 2) into {@link Scenario}s.
 *
 * <pre>
 * model: DFN                      # or {type: DFN, electrolyte: single-ion, negative: lithium-metal,
 *                                 #     kinetics: asymmetric, particle: {shells: 20, surfaceRefinement: 2}, thermal: lumped}
 * temperature: 25 degC            # optional: ambient and initial temperature
 * parameters:
 *   set: marquis2019              # a built-in set; optional when 'file' is a complete set
 *   file: my-cell.yaml            # optional parameter file (values, expressions, tables), relative
 *                                 # to this file; with 'set' its entries override the set's
 *   # bpx: cell.json              # or a BPX file (alone)
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

    private static final List<String> TOP_KEYS = List.of("model", "description", "temperature", "parameters", "experiment", "mesh",
            "solver", "output");
    private static final List<String> PARAMETER_KEYS = List.of("set", "file", "bpx", "overrides");
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
        String text = InputFiles.read(file, "scenario file");
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
        YamlNode top = YamlNode.read(reader, sourceName, true);
        top.checkKeys(TOP_KEYS);

        ModelChoice modelChoice = modelChoice(top);
        String model = modelChoice.type();
        double temperature = temperature(top);

        YamlNode params = top.requiredMap("parameters");
        params.checkKeys(PARAMETER_KEYS);
        String set = params.string("set");
        Path parameterFile = existingFile(params, "file", baseDir);
        Path bpxFile = existingFile(params, "bpx", baseDir);
        if (bpxFile != null && (set != null || parameterFile != null)) {
            throw new ScenarioException(sourceName + ": parameters: give 'bpx' alone (a BPX file is a complete cell), not with 'set' or 'file'");
        }
        if (set == null && parameterFile == null && bpxFile == null) {
            throw new ScenarioException(sourceName + ": missing key 'parameters.set' (a built-in set such as marquis2019), "
                    + "'parameters.file' (a parameter file) or 'parameters.bpx' (a BPX file)");
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        YamlNode o = params.map("overrides");
        if (o != null) {
            overrides.putAll(stringMap(o));
        }

        Experiment experiment = experiment(top.requiredMap("experiment"));

        MeshSettings mesh = MeshSettings.defaults();
        YamlNode m = top.map("mesh");
        if (m != null) {
            m.checkKeys(MESH_KEYS);
            mesh = new MeshSettings(optionalCount(m, "negative"), optionalCount(m, "separator"),
                    optionalCount(m, "positive"), optionalCount(m, "particle"));
        }

        SolverOptions solver = SolverOptions.defaults();
        YamlNode s = top.map("solver");
        if (s != null) {
            s.checkKeys(SOLVER_KEYS);
            double rtol = optionalPositive(s, "rtol", solver.relativeTolerance());
            double atol = optionalPositive(s, "atol", solver.absoluteTolerance());
            if (rtol >= 1) {
                throw s.typeError("rtol", String.valueOf(rtol), "a relative tolerance in (0, 1), e.g. 1e-6");
            }
            double maxStep = optionalDuration(s, "maxStep", solver.maxStep());
            double initialStep = optionalDuration(s, "initialStep", solver.initialStep());
            String linear = s.string("linearSolver");
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
        YamlNode out = top.map("output");
        if (out != null) {
            out.checkKeys(OUTPUT_KEYS);
            String dir = out.string("dir");
            List<Double> times = new ArrayList<>();
            for (String t : optionalStringList(out, "fieldTimes")) {
                times.add(duration(out, "fieldTimes", t, true));
            }
            output = new OutputSettings(dir == null ? output.directory() : Path.of(dir),
                    optionalBoolean(out, "plot", true), optionalBoolean(out, "fields", false), times);
        }
        return new Scenario(source, model, set, overrides, experiment, mesh, solver, output, modelChoice, temperature,
                parameterFile, bpxFile);
    }

    /**
     * {@code model: DFN} or {@code model: {type: DFN, electrolyte: single-ion, particle: {shells: 20}}}:
     * the slots become dotted keys in file order. Slot and component names are checked by the
     * models' registry when the model is built (it knows what is registered).
     */
    private static ModelChoice modelChoice(YamlNode top) {
        List<ImmutableNode> nodes = top.children("model");
        if (nodes.size() == 1 && !nodes.get(0).getChildren().isEmpty()) {
            YamlNode m = top.map("model");
            String type = m.requiredString("type");
            Map<String, String> options = new LinkedHashMap<>();
            for (ImmutableNode c : m.node().getChildren()) {
                String name = c.getNodeName();
                if (name.equals("type")) {
                    continue;
                }
                if (!c.getChildren().isEmpty()) {
                    YamlNode sub = m.map(name);
                    for (ImmutableNode g : sub.node().getChildren()) {
                        if (!g.getChildren().isEmpty() || g.getValue() == null) {
                            throw sub.typeError(g.getNodeName(), g.getValue() == null ? "" : "a map", "a single value");
                        }
                        putOnce(m, options, name + "." + g.getNodeName(), g.getValue().toString());
                    }
                } else {
                    if (c.getValue() == null) {
                        throw m.typeError(name, "", "a component name, e.g. " + name + ": ...");
                    }
                    putOnce(m, options, name, c.getValue().toString());
                }
            }
            return new ModelChoice(type, options);
        }
        return ModelChoice.of(top.requiredString("model"));
    }

    private static void putOnce(YamlNode m, Map<String, String> options, String key, String value) {
        if (options.containsKey(key)) {
            throw m.typeError(key, "a list", "a single value");
        }
        options.put(key, value.trim());
    }

    /** {@code temperature: 25 degC} (or "298.15 K"): ambient and initial temperature in K, NaN when absent. */
    private static double temperature(YamlNode top) {
        Object v = top.scalar("temperature", "a temperature such as \"25 degC\" or \"298.15 K\"");
        if (v == null) {
            return Double.NaN;
        }
        String text = v.toString().trim();
        if (Quantity.startsWithNumber(text) && Quantity.unitText(text).isEmpty()) {
            throw top.typeError("temperature", text, "a temperature with its unit, e.g. \"25 degC\" or \"298.15 K\"");
        }
        double kelvin;
        try {
            kelvin = Quantity.parse(text).siValue(Dimension.TEMPERATURE, top.key("temperature"));
        } catch (UnitException e) {
            throw top.typeError("temperature", text, "a temperature such as \"25 degC\" or \"298.15 K\" (" + e.getMessage() + ")");
        }
        // the material laws (Arrhenius fits, OCP curves) are made for cells that are neither frozen nor boiling
        if (!(kelvin >= 173.15 && kelvin <= 473.15)) {
            throw top.typeError("temperature", text, "a temperature from -100 degC to 200 degC (173.15 K to 473.15 K)");
        }
        return kelvin;
    }

    private static Experiment experiment(YamlNode e) {
        e.checkKeys(EXPERIMENT_KEYS);
        Experiment.Builder b = Experiment.builder();
        String period = e.string("period");
        if (period != null) {
            b.period(duration(e, "period", period, false));
        }
        boolean hasSteps = e.has("steps");
        List<YamlNode> cycles = e.mapList("cycles", "{steps: [...], repeat: 2}");
        if (hasSteps && !cycles.isEmpty()) {
            throw new ScenarioException(e.source() + ": experiment: give either 'steps' (with 'repeat') or 'cycles', not both");
        }
        if (!hasSteps && cycles.isEmpty()) {
            throw new ScenarioException(e.source() + ": experiment: missing 'steps', e.g. steps: [\"Discharge at 1C until 3.0 V\"]");
        }
        if (hasSteps) {
            block(b, e, optionalCount(e, "repeat", 1));
        } else {
            if (e.has("repeat")) {
                throw new ScenarioException(e.source() + ": experiment.repeat applies to 'steps'; with 'cycles' give each cycle its own repeat");
            }
            for (YamlNode c : cycles) {
                c.checkKeys(CYCLE_KEYS);
                block(b, c, optionalCount(c, "repeat", 1));
            }
        }
        return b.build();
    }

    private static void block(Experiment.Builder b, YamlNode n, int repeat) {
        List<String> steps = optionalStringList(n, "steps");
        if (steps.isEmpty()) {
            throw n.typeError("steps", "[]", "a non-empty list of step sentences");
        }
        for (int i = 0; i < steps.size(); i++) {
            try {
                io.nernst.core.experiment.ExperimentStep.parse(steps.get(i));
            } catch (ExperimentException x) {
                throw new ScenarioException(n.source() + ": " + n.key("steps") + "[" + i + "]: " + x.getMessage(), x);
            }
        }
        b.block(repeat, steps);
    }

    /** The file named by {@code child}, resolved against the scenario's folder and checked to be readable; null if absent. */
    private static Path existingFile(YamlNode n, String child, Path baseDir) {
        String name = n.string(child);
        if (name == null) {
            return null;
        }
        Path p = baseDir == null ? Path.of(name) : baseDir.resolve(name);
        // read once here so that devices, directories, oversized and foreign files are refused at the door
        // (InputFiles, issue 13); the content is read against the parameter schema later
        String text = InputFiles.read(p, (child.equals("bpx") ? "BPX file" : "parameter file") + " (from " + n.key(child) + ")");
        YamlNode.read(new StringReader(text), p.toString(), true);
        return p;
    }

    private static List<String> optionalStringList(YamlNode n, String child) {
        List<String> out = new ArrayList<>();
        for (ImmutableNode item : n.children(child)) {
            if (!item.getChildren().isEmpty() || item.getValue() == null) {
                throw n.typeError(child, item.getValue() == null ? "an empty item" : "a map", "a list of text items");
            }
            out.add(item.getValue().toString());
        }
        return out;
    }

    /** Children as name to text, e.g. parameter overrides. */
    private static Map<String, String> stringMap(YamlNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ImmutableNode c : n.node().getChildren()) {
            if (!c.getChildren().isEmpty() || c.getValue() == null) {
                throw n.typeError(c.getNodeName(), c.getValue() == null ? "" : "a map", "a value such as \"60 um\" or 0.3");
            }
            if (out.containsKey(c.getNodeName())) {
                throw n.typeError(c.getNodeName(), "a list", "a single value such as \"60 um\" or 0.3");
            }
            out.put(c.getNodeName(), c.getValue().toString());
        }
        return out;
    }

    private static int optionalCount(YamlNode n, String child) {
        return optionalCount(n, child, 0);
    }

    private static int optionalCount(YamlNode n, String child, int dflt) {
        Object v = n.scalar(child, "a positive whole number");
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
        throw n.typeError(child, String.valueOf(v), "a positive whole number");
    }

    private static double optionalPositive(YamlNode n, String child, double dflt) {
        Object v = n.scalar(child, "a positive number");
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
            throw n.typeError(child, String.valueOf(v), "a positive number such as 1e-6");
        }
        return d;
    }

    private static double optionalDuration(YamlNode n, String child, double dflt) {
        Object v = n.scalar(child, "a duration such as \"60 s\"");
        if (v == null) {
            return dflt;
        }
        return duration(n, child, v.toString(), false);
    }

    /** A duration: a quantity with a time unit ("10 s"); a bare number is rejected, not taken as seconds. */
    private static double duration(YamlNode n, String child, String text, boolean zeroAllowed) {
        double d;
        String trimmed = text.trim();
        if (Quantity.startsWithNumber(trimmed) && Quantity.unitText(trimmed).isEmpty()) {
            throw new ScenarioException(n.source() + ": " + Units.missingUnit(n.key(child), trimmed, Dimension.TIME, null).getMessage()
                    + ", '5 min' or '1 hour'");
        }
        try {
            d = Quantity.parse(trimmed).siValue(Dimension.TIME, n.key(child));
        } catch (UnitException e) {
            throw n.typeError(child, text, "a duration such as \"10 s\", \"5 min\" or \"1 hour\" (" + e.getMessage() + ")");
        }
        if (!(zeroAllowed ? d >= 0 : d > 0) || !Double.isFinite(d)) {
            throw n.typeError(child, text, zeroAllowed ? "a duration >= 0" : "a positive duration");
        }
        return d;
    }

    private static boolean optionalBoolean(YamlNode n, String child, boolean dflt) {
        Object v = n.scalar(child, "true or false");
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
        throw n.typeError(child, v.toString(), "true or false");
    }
}
