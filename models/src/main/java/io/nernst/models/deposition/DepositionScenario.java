package io.nernst.models.deposition;

import io.nernst.core.scenario.ScenarioException;
import io.nernst.core.scenario.YamlNode;
import io.nernst.core.units.Dimension;
import io.nernst.core.units.Quantity;
import io.nernst.core.units.UnitException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

/**
 * A deposition scenario file (YAML, read through Apache Commons Configuration 2): every section
 * optional, every quantity with its unit ({@code "1.48 mS/cm"}, {@code "1 mA/cm2"},
 * {@code "24 um"}, {@code "1 h"}; a bare number is refused, as in cell scenarios), every key checked (an unknown key
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
        String text = io.nernst.core.scenario.InputFiles.read(file, "scenario file");
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
        YamlNode top = YamlNode.read(reader, source, false);
        top.checkKeys(TOP);
        DepositionSettings.Builder b = DepositionSettings.builder();
        String description = top.string("description");

        YamlNode e = top.map("electrolyte");
        if (e != null) {
            e.checkKeys(ELECTROLYTE);
            quantity(e, "conductivity", CONDUCTIVITY, b::conductivity);
            quantity(e, "diffusivity", DIFFUSIVITY, b::diffusivity);
            number(e, "transferenceNumber", b::transferenceNumber);
            quantity(e, "concentration", CONCENTRATION, b::bulkConcentration);
        }
        quantity(top, "temperature", Dimension.TEMPERATURE, b::temperature);
        YamlNode k = top.map("kinetics");
        if (k != null) {
            k.checkKeys(KINETICS);
            quantity(k, "exchangeCurrentDensity", Dimension.CURRENT_DENSITY, b::exchangeCurrentDensity);
            number(k, "anodicTransferCoefficient", b::anodicTransferCoefficient);
            number(k, "cathodicTransferCoefficient", b::cathodicTransferCoefficient);
            quantity(k, "referenceConcentration", CONCENTRATION, b::referenceConcentration);
        }
        YamlNode li = top.map("lithium");
        if (li != null) {
            li.checkKeys(LITHIUM);
            quantity(li, "molarMass", MOLAR_MASS, b::molarMass);
            quantity(li, "density", DENSITY, b::density);
        }
        YamlNode d = top.map("domain");
        if (d != null) {
            d.checkKeys(DOMAIN);
            quantity(d, "width", Dimension.LENGTH, b::width);
            quantity(d, "height", Dimension.LENGTH, b::height);
            count(d, "cellsX", b::cellsX);
            count(d, "cellsY", b::cellsY);
            quantity(d, "surfaceHeight", Dimension.LENGTH, b::surfaceHeight);
            quantity(d, "interfaceWidth", Dimension.LENGTH, b::interfaceWidth);
        }
        YamlNode m = top.map("morphology");
        if (m != null) {
            m.checkKeys(MORPHOLOGY);
            b.morphology(morphology(m));
        }
        YamlNode c = top.map("control");
        if (c != null) {
            c.checkKeys(CONTROL);
            String mode = c.string("mode");
            mode = mode == null ? "galvanostatic" : mode.toLowerCase(Locale.ROOT);
            if (mode.equals("galvanostatic")) {
                double[] j = {10.0};
                quantity(c, "currentDensity", Dimension.CURRENT_DENSITY, v -> j[0] = v);
                forbid(c, "electrodePotential", "galvanostatic");
                b.galvanostatic(j[0]);
            } else if (mode.equals("potentiostatic")) {
                double[] p = {Double.NaN};
                quantity(c, "electrodePotential", Dimension.VOLTAGE, v -> p[0] = v);
                if (Double.isNaN(p[0])) {
                    throw new ScenarioException(source + ": missing key 'control.electrodePotential' (potentiostatic mode)");
                }
                forbid(c, "currentDensity", "potentiostatic");
                b.potentiostatic(p[0]);
            } else {
                throw c.typeError("mode", mode, "galvanostatic or potentiostatic");
            }
        }
        YamlNode t = top.map("time");
        if (t != null) {
            t.checkKeys(TIME);
            quantity(t, "duration", Dimension.TIME, b::duration);
            number(t, "courantNumber", b::courantNumber);
            quantity(t, "maxStep", Dimension.TIME, b::maxTimeStep);
            quantity(t, "wallTimeBudget", Dimension.TIME, b::wallTimeBudget);
            quantity(t, "initialStep", Dimension.TIME, b::initialTimeStep);
            quantity(t, "maxConcentrationChange", CONCENTRATION, b::maxConcentrationChange);
        }
        YamlNode s = top.map("stop");
        if (s != null) {
            s.checkKeys(STOP);
            quantity(s, "surfaceConcentration", CONCENTRATION, b::depletionConcentration);
        }
        YamlNode n = top.map("numerics");
        if (n != null) {
            n.checkKeys(NUMERICS);
            number(n, "phaseFloor", b::phaseFloor);
            count(n, "reinitialisationSteps", b::reinitialisationSteps);
            number(n, "linearTolerance", b::linearTolerance);
            number(n, "couplingTolerance", b::couplingTolerance);
            count(n, "maxCouplingIterations", b::maxCouplingIterations);
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
        YamlNode o = top.map("output");
        if (o != null) {
            o.checkKeys(OUTPUT);
            String dir = o.string("dir");
            if (dir != null) {
                out = Path.of(dir);
            }
            quantity(o, "snapshotInterval", Dimension.TIME, b::snapshotInterval);
        }
        return new DepositionScenario(b.build(), out, description == null ? "" : description);
    }

    private static InitialMorphology morphology(YamlNode m) {
        String type = m.string("type");
        type = type == null ? "rough" : type.toLowerCase(Locale.ROOT);
        switch (type) {
            case "flat", "rough" -> {
                double[] v = {0.0, 1e-6, 0.0};
                quantity(m, "amplitude", Dimension.LENGTH, x -> v[0] = x);
                quantity(m, "correlationLength", Dimension.LENGTH, x -> v[1] = x);
                count0(m, "seed", x -> v[2] = x);
                forbid(m, "bumps", type);
                forbid(m, "radius", type);
                return new InitialMorphology.Rough(v[0], v[1], (long) v[2]);
            }
            case "bump" -> {
                double[] v = {Double.NaN, Double.NaN};
                quantity(m, "x", Dimension.LENGTH, x -> v[0] = x);
                quantity(m, "radius", Dimension.LENGTH, x -> v[1] = x);
                if (Double.isNaN(v[0]) || Double.isNaN(v[1])) {
                    throw new ScenarioException(m.source() + ": morphology type 'bump' needs 'morphology.x' and 'morphology.radius'");
                }
                forbid(m, "bumps", type);
                return InitialMorphology.Bumps.single(v[0], v[1]);
            }
            case "nuclei" -> {
                List<InitialMorphology.Bump> bumps = new ArrayList<>();
                for (YamlNode nb : m.mapList("bumps", "{x: 4 um, radius: 1 um}")) {
                    nb.checkKeys(BUMP);
                    double[] v = {Double.NaN, Double.NaN};
                    quantity(nb, "x", Dimension.LENGTH, x -> v[0] = x);
                    quantity(nb, "radius", Dimension.LENGTH, x -> v[1] = x);
                    if (Double.isNaN(v[0]) || Double.isNaN(v[1])) {
                        throw new ScenarioException(m.source() + ": " + nb.path() + " needs 'x' and 'radius'");
                    }
                    bumps.add(new InitialMorphology.Bump(v[0], v[1]));
                }
                if (bumps.isEmpty()) {
                    throw new ScenarioException(m.source() + ": morphology type 'nuclei' needs 'morphology.bumps', e.g. "
                            + "[{x: 4 um, radius: 1 um}]");
                }
                return new InitialMorphology.Bumps(bumps);
            }
            default -> throw m.typeError("type", type, "rough (or flat), bump or nuclei");
        }
    }

    private static void forbid(YamlNode n, String child, String context) {
        if (!n.children(child).isEmpty()) {
            throw new ScenarioException(n.source() + ": key '" + n.key(child) + "' does not apply to " + context);
        }
    }

    /** A quantity with its unit, converted to SI (a bare number or a percentage is refused: units are required). */
    private static void quantity(YamlNode n, String child, Dimension dimension, DoubleConsumer setter) {
        Object v = n.scalar(child, "a quantity such as \"1 mA/cm2\"");
        if (v == null) {
            return;
        }
        String text = v.toString().trim();
        Quantity q;
        try {
            q = Quantity.parse(text);
        } catch (UnitException e) {
            throw new UnitException(n.source() + ": " + n.key(child) + " = '" + text + "': " + e.getMessage());
        }
        if (q.dimension().isDimensionless()) {
            // units required, as in cell scenarios: '16' is not taken as 16 m, nor '5 %' as a length
            if (Quantity.unitText(text).isEmpty()) {
                throw new UnitException(n.source() + ": " + io.nernst.core.units.Units.missingUnit(n.key(child), text, dimension, null)
                        .getMessage());
            }
            throw new UnitException(n.source() + ": " + n.key(child) + " = '" + text + "' is a dimensionless number but "
                    + n.key(child) + " needs a " + dimension.describe());
        }
        if (!q.dimension().equals(dimension)) {
            throw new UnitException(n.source() + ": " + n.key(child) + " = '" + text + "' is a " + q.dimension().describe()
                    + " but " + n.key(child) + " needs a " + dimension.describe());
        }
        setter.accept(q.siValue());
    }

    private static void number(YamlNode n, String child, DoubleConsumer setter) {
        Object v = n.scalar(child, "a number");
        if (v == null) {
            return;
        }
        try {
            setter.accept(Double.parseDouble(v.toString().trim()));
        } catch (NumberFormatException e) {
            throw n.typeError(child, v.toString(), "a number");
        }
    }

    private static void count(YamlNode n, String child, IntConsumer setter) {
        Object v = n.scalar(child, "a whole number");
        if (v == null) {
            return;
        }
        try {
            setter.accept(Integer.parseInt(v.toString().trim()));
        } catch (NumberFormatException e) {
            throw n.typeError(child, v.toString(), "a whole number");
        }
    }

    private static void count0(YamlNode n, String child, DoubleConsumer setter) {
        Object v = n.scalar(child, "a whole number");
        if (v == null) {
            return;
        }
        try {
            setter.accept(Long.parseLong(v.toString().trim()));
        } catch (NumberFormatException e) {
            throw n.typeError(child, v.toString(), "a whole number");
        }
    }
}
