package io.nernst.models.deposition;

import io.nernst.core.text.NameSuggestions;

import io.nernst.core.scenario.ScenarioException;
import io.nernst.core.units.Dimension;
import io.nernst.core.units.Quantity;
import io.nernst.core.units.UnitException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A deposition scenario file (YAML, read through Apache Commons Configuration 2): every section
 * optional, every quantity with its unit ({@code "1.48 mS/cm"}, {@code "1 mA/cm2"},
 * {@code "24 um"}, {@code "1 h"}; a bare number is taken in SI), every key checked (an unknown key
 * is an error that suggests the closest allowed one).
 * <pre>
 * description: text
 * electrolyte: {conductivity: 1.48 mS/cm, diffusivity: 1.2e-11 m2/s, transferenceNumber: 0.38,
 *               concentration: 1.49 mol/L}
 * temperature: 25 degC
 * kinetics: {exchangeCurrentDensity: 0.5 mA/cm2, anodicTransferCoefficient: 1.5,
 *            cathodicTransferCoefficient: 0.5, referenceConcentration: 1.49 mol/L}
 * lithium: {molarMass: 6.941 g/mol, density: 0.534 g/cm3}
 * domain: {width: 16 um, height: 136 um, cellsX: 32, cellsY: 272, surfaceHeight: 6 um,
 *          interfaceWidth: 2 um}
 * morphology: {type: rough, amplitude: 0.5 um, correlationLength: 3 um, seed: 3}
 *             # or {type: bump, x: 8 um, radius: 2 um}
 *             # or {type: nuclei, bumps: [{x: 4 um, radius: 1 um}, {x: 12 um, radius: 2 um}]}
 * control: {mode: galvanostatic, currentDensity: 1 mA/cm2}   # or {mode: potentiostatic, electrodePotential: -50 mV}
 * time: {duration: 1 h, courantNumber: 0.4, maxStep: 5 min, wallTimeBudget: 5 min,
 *        initialStep: 0.01 s, maxConcentrationChange: 20 mol/m3}
 * stop: {surfaceConcentration: 1 mol/m3}
 * numerics: {phaseFloor: 1e-3, reinitialisationSteps: 2, linearTolerance: 1e-9,
 *            couplingTolerance: 1e-8, maxCouplingIterations: 60, timeScheme: bdf2, moveInterface: true}
 * output: {dir: out/deposition, snapshotInterval: 10 min}
 * </pre>
 * Defaults and their sources: {@link DepositionSettings.Builder} and {@code docs/deposition.md}.
 *
 * @param settings        the validated settings
 * @param outputDirectory where the outputs go
 * @param description     the description line (may be empty)
 */
public record DepositionScenario(DepositionSettings settings, Path outputDirectory, String description) {

    private static final List<String> TOP = List.of("description", "electrolyte", "temperature", "kinetics", "lithium",
            "domain", "morphology", "control", "time", "stop", "numerics", "output");
    private static final List<String> ELECTROLYTE = List.of("conductivity", "diffusivity", "transferenceNumber",
            "concentration");
    private static final List<String> KINETICS = List.of("exchangeCurrentDensity", "anodicTransferCoefficient",
            "cathodicTransferCoefficient", "referenceConcentration");
    private static final List<String> LITHIUM = List.of("molarMass", "density");
    private static final List<String> DOMAIN = List.of("width", "height", "cellsX", "cellsY", "surfaceHeight",
            "interfaceWidth");
    private static final List<String> MORPHOLOGY = List.of("type", "amplitude", "correlationLength", "seed", "x", "radius",
            "bumps");
    private static final List<String> BUMP = List.of("x", "radius");
    private static final List<String> CONTROL = List.of("mode", "currentDensity", "electrodePotential");
    private static final List<String> TIME = List.of("duration", "courantNumber", "maxStep", "wallTimeBudget", "initialStep",
            "maxConcentrationChange");
    private static final List<String> STOP = List.of("surfaceConcentration");
    private static final List<String> NUMERICS = List.of("phaseFloor", "reinitialisationSteps", "linearTolerance",
            "couplingTolerance", "maxCouplingIterations", "timeScheme", "moveInterface");
    private static final List<String> OUTPUT = List.of("dir", "snapshotInterval");
    private static final Dimension CONDUCTIVITY = Dimension.of(-3, -1, 3, 2, 0, 0);
    private static final Dimension DIFFUSIVITY = Dimension.of(2, 0, -1, 0, 0, 0);
    private static final Dimension CONCENTRATION = Dimension.of(-3, 0, 0, 0, 0, 1);
    private static final Dimension MOLAR_MASS = Dimension.of(0, 1, 0, 0, 0, -1);
    private static final Dimension DENSITY = Dimension.of(-3, 1, 0, 0, 0, 0);

    /**
     * Reads a scenario file.
     *
     * @throws ScenarioException          unreadable file or YAML, unknown key, wrong type (naming file and key)
     * @throws UnitException              a quantity with a wrong or unknown unit (naming the key)
     * @throws IllegalArgumentException   a value outside its allowed range (naming the key, value and range)
     */
    public static DepositionScenario load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario file " + file + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return parse(new StringReader(text), file.toString(), base);
    }

    /**
     * Reads a scenario from text.
     *
     * @param reader      the YAML
     * @param source      name for messages
     * @param defaultName run name for the default output directory {@code out/<name>}
     */
    public static DepositionScenario parse(Reader reader, String source, String defaultName) {
        Node top = new Node(source, "", readYaml(reader, source));
        top.checkKeys(TOP);
        DepositionSettings.Builder b = DepositionSettings.builder();
        String description = top.string("description");

        Node e = top.map("electrolyte");
        if (e != null) {
            e.checkKeys(ELECTROLYTE);
            e.quantity("conductivity", CONDUCTIVITY, b::conductivity);
            e.quantity("diffusivity", DIFFUSIVITY, b::diffusivity);
            e.number("transferenceNumber", b::transferenceNumber);
            e.quantity("concentration", CONCENTRATION, b::bulkConcentration);
        }
        top.quantity("temperature", Dimension.TEMPERATURE, b::temperature);
        Node k = top.map("kinetics");
        if (k != null) {
            k.checkKeys(KINETICS);
            k.quantity("exchangeCurrentDensity", Dimension.CURRENT_DENSITY, b::exchangeCurrentDensity);
            k.number("anodicTransferCoefficient", b::anodicTransferCoefficient);
            k.number("cathodicTransferCoefficient", b::cathodicTransferCoefficient);
            k.quantity("referenceConcentration", CONCENTRATION, b::referenceConcentration);
        }
        Node li = top.map("lithium");
        if (li != null) {
            li.checkKeys(LITHIUM);
            li.quantity("molarMass", MOLAR_MASS, b::molarMass);
            li.quantity("density", DENSITY, b::density);
        }
        Node d = top.map("domain");
        if (d != null) {
            d.checkKeys(DOMAIN);
            d.quantity("width", Dimension.LENGTH, b::width);
            d.quantity("height", Dimension.LENGTH, b::height);
            d.count("cellsX", b::cellsX);
            d.count("cellsY", b::cellsY);
            d.quantity("surfaceHeight", Dimension.LENGTH, b::surfaceHeight);
            d.quantity("interfaceWidth", Dimension.LENGTH, b::interfaceWidth);
        }
        Node m = top.map("morphology");
        if (m != null) {
            m.checkKeys(MORPHOLOGY);
            b.morphology(morphology(m));
        }
        Node c = top.map("control");
        if (c != null) {
            c.checkKeys(CONTROL);
            String mode = c.string("mode");
            mode = mode == null ? "galvanostatic" : mode.toLowerCase(Locale.ROOT);
            if (mode.equals("galvanostatic")) {
                double[] j = {10.0};
                c.quantity("currentDensity", Dimension.CURRENT_DENSITY, v -> j[0] = v);
                c.forbid("electrodePotential", "galvanostatic");
                b.galvanostatic(j[0]);
            } else if (mode.equals("potentiostatic")) {
                double[] p = {Double.NaN};
                c.quantity("electrodePotential", Dimension.VOLTAGE, v -> p[0] = v);
                if (Double.isNaN(p[0])) {
                    throw new ScenarioException(source + ": missing key 'control.electrodePotential' (potentiostatic mode)");
                }
                c.forbid("currentDensity", "potentiostatic");
                b.potentiostatic(p[0]);
            } else {
                throw c.typeError("mode", mode, "galvanostatic or potentiostatic");
            }
        }
        Node t = top.map("time");
        if (t != null) {
            t.checkKeys(TIME);
            t.quantity("duration", Dimension.TIME, b::duration);
            t.number("courantNumber", b::courantNumber);
            t.quantity("maxStep", Dimension.TIME, b::maxTimeStep);
            t.quantity("wallTimeBudget", Dimension.TIME, b::wallTimeBudget);
            t.quantity("initialStep", Dimension.TIME, b::initialTimeStep);
            t.quantity("maxConcentrationChange", CONCENTRATION, b::maxConcentrationChange);
        }
        Node s = top.map("stop");
        if (s != null) {
            s.checkKeys(STOP);
            s.quantity("surfaceConcentration", CONCENTRATION, b::depletionConcentration);
        }
        Node n = top.map("numerics");
        if (n != null) {
            n.checkKeys(NUMERICS);
            n.number("phaseFloor", b::phaseFloor);
            n.count("reinitialisationSteps", b::reinitialisationSteps);
            n.number("linearTolerance", b::linearTolerance);
            n.number("couplingTolerance", b::couplingTolerance);
            n.count("maxCouplingIterations", b::maxCouplingIterations);
            String scheme = n.string("timeScheme");
            if (scheme != null) {
                switch (scheme.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")) {
                    case "bdf2" -> b.timeScheme(DepositionSettings.TimeScheme.BDF2);
                    case "backwardeuler", "be", "bdf1" -> b.timeScheme(DepositionSettings.TimeScheme.BACKWARD_EULER);
                    default -> throw n.typeError("timeScheme", scheme, "bdf2 or backward-euler");
                }
            }
            String move = n.string("moveInterface");
            if (move != null) {
                if (!move.equalsIgnoreCase("true") && !move.equalsIgnoreCase("false")) {
                    throw n.typeError("moveInterface", move, "true or false");
                }
                b.moveInterface(Boolean.parseBoolean(move));
            }
        }
        Path out = Path.of("out", defaultName == null ? "deposition" : defaultName);
        Node o = top.map("output");
        if (o != null) {
            o.checkKeys(OUTPUT);
            String dir = o.string("dir");
            if (dir != null) {
                out = Path.of(dir);
            }
            o.quantity("snapshotInterval", Dimension.TIME, b::snapshotInterval);
        }
        return new DepositionScenario(b.build(), out, description == null ? "" : description);
    }

    private static InitialMorphology morphology(Node m) {
        String type = m.string("type");
        type = type == null ? "rough" : type.toLowerCase(Locale.ROOT);
        switch (type) {
            case "flat", "rough" -> {
                double[] v = {0.0, 1e-6, 0.0};
                m.quantity("amplitude", Dimension.LENGTH, x -> v[0] = x);
                m.quantity("correlationLength", Dimension.LENGTH, x -> v[1] = x);
                m.count0("seed", x -> v[2] = x);
                m.forbid("bumps", type);
                m.forbid("radius", type);
                return new InitialMorphology.Rough(v[0], v[1], (long) v[2]);
            }
            case "bump" -> {
                double[] v = {Double.NaN, Double.NaN};
                m.quantity("x", Dimension.LENGTH, x -> v[0] = x);
                m.quantity("radius", Dimension.LENGTH, x -> v[1] = x);
                if (Double.isNaN(v[0]) || Double.isNaN(v[1])) {
                    throw new ScenarioException(m.source + ": morphology type 'bump' needs 'morphology.x' and 'morphology.radius'");
                }
                m.forbid("bumps", type);
                return InitialMorphology.Bumps.single(v[0], v[1]);
            }
            case "nuclei" -> {
                List<InitialMorphology.Bump> bumps = new ArrayList<>();
                for (Node nb : m.mapList("bumps")) {
                    nb.checkKeys(BUMP);
                    double[] v = {Double.NaN, Double.NaN};
                    nb.quantity("x", Dimension.LENGTH, x -> v[0] = x);
                    nb.quantity("radius", Dimension.LENGTH, x -> v[1] = x);
                    if (Double.isNaN(v[0]) || Double.isNaN(v[1])) {
                        throw new ScenarioException(m.source + ": " + nb.path + " needs 'x' and 'radius'");
                    }
                    bumps.add(new InitialMorphology.Bump(v[0], v[1]));
                }
                if (bumps.isEmpty()) {
                    throw new ScenarioException(m.source + ": morphology type 'nuclei' needs 'morphology.bumps', e.g. "
                            + "[{x: 4 um, radius: 1 um}]");
                }
                return new InitialMorphology.Bumps(bumps);
            }
            default -> throw m.typeError("type", type, "rough (or flat), bump or nuclei");
        }
    }

    private static ImmutableNode readYaml(Reader reader, String source) {
        YAMLConfiguration config = new YAMLConfiguration();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            config.read(reader, options);
        } catch (ConfigurationException | RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof MarkedYAMLException y) {
                    Mark mark = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
                    String where = mark == null ? "" : " line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
                    throw new ScenarioException("unreadable YAML in " + source + where + ": "
                            + (y.getProblem() != null ? y.getProblem() : y.getMessage()), e);
                }
            }
            throw new ScenarioException("unreadable YAML in " + source + ": " + e.getMessage(), e);
        }
        return config.getNodeModel().getNodeHandler().getRootNode();
    }

    /** Setter of a double. */
    private interface DoubleSetter {
        void set(double value);
    }

    /** Setter of an int. */
    private interface IntSetter {
        void set(int value);
    }

    /** One map of the YAML tree with its dotted path, for messages. */
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

        void checkKeys(List<String> allowed) {
            for (ImmutableNode c : node.getChildren()) {
                if (!allowed.contains(c.getNodeName())) {
                    throw new ScenarioException(source + ": unknown key '" + key(c.getNodeName()) + "'; did you mean '"
                            + key(NameSuggestions.closest(c.getNodeName(), allowed)) + "'? Allowed here: " + String.join(", ", allowed));
                }
            }
        }

        void forbid(String child, String context) {
            if (!children(child).isEmpty()) {
                throw new ScenarioException(source + ": key '" + key(child) + "' does not apply to " + context);
            }
        }

        ScenarioException typeError(String child, String value, String expected) {
            return new ScenarioException(source + ": " + key(child) + " = '" + value + "' is not allowed: expected " + expected);
        }

        Object scalar(String child, String expected) {
            List<ImmutableNode> c = children(child);
            if (c.isEmpty()) {
                return null;
            }
            if (c.size() > 1 || !c.get(0).getChildren().isEmpty()) {
                throw typeError(child, c.size() > 1 ? "a list" : "a map", expected);
            }
            return c.get(0).getValue();
        }

        String string(String child) {
            Object v = scalar(child, "a single text value");
            return v == null ? null : v.toString().trim();
        }

        Node map(String child) {
            List<ImmutableNode> c = children(child);
            if (c.isEmpty()) {
                return null;
            }
            if (c.size() > 1 || (c.get(0).getChildren().isEmpty() && c.get(0).getValue() != null)) {
                throw typeError(child, c.size() > 1 ? "a list" : String.valueOf(c.get(0).getValue()), "a map of keys");
            }
            return new Node(source, key(child), c.get(0));
        }

        List<Node> mapList(String child) {
            List<Node> out = new ArrayList<>();
            for (ImmutableNode n : children(child)) {
                if (n.getChildren().isEmpty()) {
                    throw typeError(child, String.valueOf(n.getValue()), "a list of maps such as {x: 4 um, radius: 1 um}");
                }
                out.add(new Node(source, key(child) + "[" + out.size() + "]", n));
            }
            return out;
        }

        /** A quantity with its unit, converted to SI (a bare number is taken as SI). */
        void quantity(String child, Dimension dimension, DoubleSetter setter) {
            Object v = scalar(child, "a quantity such as \"1 mA/cm2\"");
            if (v == null) {
                return;
            }
            String text = v.toString().trim();
            Quantity q;
            try {
                q = Quantity.parse(text);
            } catch (UnitException e) {
                throw new UnitException(source + ": " + key(child) + " = '" + text + "': " + e.getMessage());
            }
            if (q.dimension().isDimensionless()) {
                setter.set(q.siValue());
                return;
            }
            if (!q.dimension().equals(dimension)) {
                throw new UnitException(source + ": " + key(child) + " = '" + text + "' is a " + q.dimension().describe()
                        + " but " + key(child) + " needs a " + dimension.describe());
            }
            setter.set(q.siValue());
        }

        void number(String child, DoubleSetter setter) {
            Object v = scalar(child, "a number");
            if (v == null) {
                return;
            }
            try {
                setter.set(Double.parseDouble(v.toString().trim()));
            } catch (NumberFormatException e) {
                throw typeError(child, v.toString(), "a number");
            }
        }

        void count(String child, IntSetter setter) {
            Object v = scalar(child, "a whole number");
            if (v == null) {
                return;
            }
            try {
                setter.set(Integer.parseInt(v.toString().trim()));
            } catch (NumberFormatException e) {
                throw typeError(child, v.toString(), "a whole number");
            }
        }

        void count0(String child, DoubleSetter setter) {
            Object v = scalar(child, "a whole number");
            if (v == null) {
                return;
            }
            try {
                setter.set(Long.parseLong(v.toString().trim()));
            } catch (NumberFormatException e) {
                throw typeError(child, v.toString(), "a whole number");
            }
        }
    }


}
