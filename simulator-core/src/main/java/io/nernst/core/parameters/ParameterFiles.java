package io.nernst.core.parameters;

import io.nernst.core.units.Quantity;
import io.nernst.core.units.UnitException;
import io.nernst.core.units.Units;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads parameter files (YAML, or JSON, which is YAML) against a {@link ParameterSchema}.
 *
 * <pre>
 * name: chen2020
 * description: LG M50 ...
 * constants: {cmax_n: 33133}          # named constants usable in expressions
 * parameters:
 *   Negative electrode thickness: 85.2 um                       # value with unit
 *   Negative electrode porosity: {value: 0.25, source: "Chen 2020, Table VII"}
 *   Negative electrode OCP:                                     # function of x (stoichiometry)
 *     expression: "1.9793*exp(-39.3631*x) + 0.2482 - ..."
 *     source: "Chen 2020, eq. 8"
 *   Electrolyte conductivity:                                   # function of c [mol/m3] and T [K]
 *     expression: "0.1297*(c/1000)**3 - 2.51*(c/1000)**1.5 + 3.329*(c/1000)"
 *     unit: S/m                     # unit of the expression's value (default: SI)
 *     activation energy: 17100 J/mol  # Arrhenius about the set's Reference temperature
 *     domain: [0, 4000]             # where it is checked (default: the schema's)
 *   Positive electrode OCP: {table: {x: [...], y: [...]}}       # or table: ocp.csv (next to the file)
 * </pre>
 * A file without {@code parameters:} is a flat map of name to value (the older override
 * format). Every value is converted into the SI unit of its spec and checked against its
 * constraint; functions are sampled over their domain ({@link FunctionChecks}). Every error
 * names the file, the key, the value and what is allowed.
 */
public final class ParameterFiles {
    private static final List<String> TOP_KEYS = List.of("name", "description", "references", "constants", "parameters");
    private static final List<String> ENTRY_KEYS = List.of("value", "expression", "table", "unit", "activation energy",
            "reference temperature", "domain", "source");

    private ParameterFiles() {
    }

    /**
     * A complete set from a file: every required parameter of the schema must be present.
     *
     * @throws ParameterException naming file, key, value and what is allowed
     */
    public static ParameterSet read(Path file, ParameterSchema schema) {
        return read(readText(file), file.toString(), file.toAbsolutePath().getParent(), schema, null);
    }

    /** The set {@code base} with the file's entries replacing its parameters ("set plus file"). */
    public static ParameterSet overlay(ParameterSet base, Path file, ParameterSchema schema) {
        return read(readText(file), file.toString(), file.toAbsolutePath().getParent(), schema, base);
    }

    /** A complete set from a class-path resource (the built-in sets). */
    public static ParameterSet readResource(Class<?> anchor, String resource, ParameterSchema schema) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource, null, schema, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + resource, e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ParameterException("cannot read parameter file " + file + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
    }

    /** Parses YAML or JSON into a map, duplicate keys rejected, errors with line and column. */
    static Map<String, Object> parseYaml(String text, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : " line " + (e.getProblemMark().getLine() + 1) + ", column "
                    + (e.getProblemMark().getColumn() + 1);
            throw new ParameterException("unreadable parameter file " + source + where + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new ParameterException("unreadable parameter file " + source + ": " + e.getMessage());
        }
        if (!(root instanceof Map)) {
            throw new ParameterException(source + ": a parameter file must be a map of parameter name to value");
        }
        return stringKeys(root, source, "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Object o, String source, String key) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : ((Map<Object, Object>) o).entrySet()) {
            out.put(String.valueOf(e.getKey()), e.getValue());
        }
        return out;
    }

    /**
     * Reads a parameter file's text.
     *
     * @param base null for a complete set, else the set the entries override
     */
    public static ParameterSet read(String text, String source, Path baseDir, ParameterSchema schema, ParameterSet base) {
        Map<String, Object> top = parseYaml(text, source);
        Map<String, Object> entries;
        String name = base == null ? fileStem(source) : base.name();
        Map<String, Double> constants = new LinkedHashMap<>();
        if (top.containsKey("parameters")) {
            for (String k : top.keySet()) {
                if (!TOP_KEYS.contains(k)) {
                    throw new ParameterException(source + ": unknown top-level key '" + k + "'; allowed: " + String.join(", ", TOP_KEYS)
                            + " (parameters go under 'parameters:')");
                }
            }
            if (top.get("name") != null && base == null) {
                name = String.valueOf(top.get("name"));
            }
            Object c = top.get("constants");
            if (c != null) {
                if (!(c instanceof Map)) {
                    throw new ParameterException(source + ": constants must be a map of name to number, e.g. {cmax: 33133}");
                }
                for (Map.Entry<String, Object> e : stringKeys(c, source, "constants").entrySet()) {
                    constants.put(e.getKey(), number(e.getValue(), source + ": constants." + e.getKey()));
                }
            }
            Object p = top.get("parameters");
            if (!(p instanceof Map)) {
                throw new ParameterException(source + ": 'parameters' must be a map of parameter name to value");
            }
            entries = stringKeys(p, source, "parameters");
        } else {
            entries = top;
        }

        // scalars first: an Arrhenius law refers to the set's Reference temperature
        Map<String, ParameterSet.Parameter> read = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            ParameterSpec spec = schema.get(e.getKey().trim());
            if (spec == null) {
                throw schema.unknown(source, e.getKey().trim());
            }
            if (!spec.allowsFunction()) {
                read.put(spec.name(), scalar(spec, e.getValue(), source));
            }
        }
        double tref = read.containsKey("Reference temperature") ? read.get("Reference temperature").value()
                : base != null && base.contains("Reference temperature") ? base.value("Reference temperature") : 298.15;
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            ParameterSpec spec = schema.get(e.getKey().trim());
            if (spec.allowsFunction()) {
                read.put(spec.name(), function(spec, e.getValue(), source, baseDir, constants, tref));
            }
        }

        if (base != null) {
            ParameterSet out = base;
            for (ParameterSet.Parameter p : read.values()) {
                out = out.with(p);
            }
            return out;
        }
        List<String> missing = new ArrayList<>();
        ParameterSet.Builder b = ParameterSet.builder(name);
        for (ParameterSpec spec : schema.specs()) {
            ParameterSet.Parameter p = read.get(spec.name());
            if (p != null) {
                b.add(p);
            } else if (spec.required()) {
                missing.add(spec.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(source + ": incomplete parameter set (no 'set:' underneath): missing "
                    + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList()));
        }
        return b.build();
    }

    private static String fileStem(String source) {
        String f = Path.of(source).getFileName().toString();
        return f.replaceFirst("\\.[^.]*$", "");
    }

    private static String what(String source, ParameterSpec spec) {
        return source + ": parameter '" + spec.name() + "'";
    }

    private static ParameterSet.Parameter scalar(ParameterSpec spec, Object raw, String source) {
        String src = null;
        Object v = raw;
        if (raw instanceof Map) {
            Map<String, Object> m = stringKeys(raw, source, spec.name());
            checkEntryKeys(m, source, spec);
            if (m.containsKey("expression") || m.containsKey("table")) {
                throw new ParameterException(what(source, spec) + " is a number, not a function: give 'value' (in " + spec.unit() + ")");
            }
            src = m.get("source") == null ? null : String.valueOf(m.get("source"));
            v = m.get("value");
            if (v == null) {
                throw new ParameterException(what(source, spec) + ": missing 'value', e.g. {value: \"1 " + spec.unit() + "\"}");
            }
            if (m.get("unit") != null) {
                v = v + " " + m.get("unit");
            }
        }
        double si = siValue(spec, v, source);
        return new ParameterSet.Parameter(spec.name(), spec.unit(), spec.constraint(), si, null, spec.description(), src, null);
    }

    private static double siValue(ParameterSpec spec, Object v, String source) {
        if (v instanceof Map || v instanceof List) {
            throw new ParameterException(what(source, spec) + " = " + v + " is not allowed: expected a value such as \"1 " + spec.unit() + "\"");
        }
        String text = String.valueOf(v).trim();
        double si;
        try {
            si = Units.convert(text, spec.unit(), what(source, spec));
        } catch (UnitException e) {
            throw new ParameterException(e.getMessage());
        }
        if (!spec.constraint().accepts(si)) {
            throw new ParameterException(what(source, spec) + " = " + text + (text.equals(String.valueOf(si)) ? "" : " (" + si + " " + spec.unit() + ")")
                    + " is not allowed: expected " + spec.constraint().description());
        }
        return si;
    }

    private static void checkEntryKeys(Map<String, Object> m, String source, ParameterSpec spec) {
        for (String k : m.keySet()) {
            if (!ENTRY_KEYS.contains(k)) {
                String best = io.nernst.core.text.NameSuggestions.closest(k, ENTRY_KEYS);
                throw new ParameterException(what(source, spec) + ": unknown key '" + k + "'; allowed: " + String.join(", ", ENTRY_KEYS)
                        + (best == null ? "" : "; did you mean '" + best + "'?"));
            }
        }
    }

    private static ParameterSet.Parameter function(ParameterSpec spec, Object raw, String source, Path baseDir,
                                                   Map<String, Double> constants, double tref) {
        String where = what(source, spec);
        Map<String, Object> m;
        if (raw instanceof Map) {
            m = stringKeys(raw, source, spec.name());
        } else {
            String text = String.valueOf(raw).trim();
            m = new LinkedHashMap<>();
            if (looksLikeQuantity(text)) {
                m.put("value", text);
            } else {
                m.put("expression", text);
            }
        }
        checkEntryKeys(m, source, spec);
        int kinds = (m.containsKey("value") ? 1 : 0) + (m.containsKey("expression") ? 1 : 0) + (m.containsKey("table") ? 1 : 0);
        if (kinds != 1) {
            throw new ParameterException(where + ": give exactly one of 'value', 'expression' or 'table'");
        }
        String src = m.get("source") == null ? null : String.valueOf(m.get("source"));
        double scale = 1.0;
        if (m.get("unit") != null && !m.containsKey("value")) {
            try {
                scale = Units.convert("1 " + m.get("unit"), spec.unit(), where + " (unit)");
            } catch (UnitException e) {
                throw new ParameterException(e.getMessage());
            }
        }
        double ea = 0.0;
        if (m.get("activation energy") != null) {
            try {
                ea = Units.convert(String.valueOf(m.get("activation energy")), "J.mol-1", where + " activation energy");
            } catch (UnitException e) {
                throw new ParameterException(e.getMessage());
            }
            if (!(ea >= 0) || !Double.isFinite(ea)) {
                throw new ParameterException(where + ": activation energy = " + ea + " J.mol-1 is not allowed: expected a value >= 0");
            }
        }
        double t0 = tref;
        if (m.get("reference temperature") != null) {
            try {
                t0 = Units.convert(String.valueOf(m.get("reference temperature")), "K", where + " reference temperature");
            } catch (UnitException e) {
                throw new ParameterException(e.getMessage());
            }
            if (!(t0 > 0)) {
                throw new ParameterException(where + ": reference temperature = " + t0 + " K is not allowed: expected a value > 0");
            }
        }
        Domain domain = spec.domain();
        if (m.get("domain") != null) {
            Object d = m.get("domain");
            if (!(d instanceof List<?> l) || l.size() != 2) {
                throw new ParameterException(where + ": domain = " + d + " is not allowed: expected [low, high] of " + domain.variable());
            }
            double lo = number(l.get(0), where + " domain");
            double hi = number(l.get(1), where + " domain");
            if (!(lo < hi)) {
                throw new ParameterException(where + ": domain = [" + lo + ", " + hi + "] is not allowed: expected low < high");
            }
            domain = domain.withBounds(lo, hi);
        }
        MaterialFunction base = null;
        double constant = Double.NaN;
        if (m.containsKey("value")) {
            Object v = m.get("value");
            if (m.get("unit") != null) {
                v = v + " " + m.get("unit");
            }
            constant = siValue(spec, v, source);
            if (ea == 0.0) {
                return new ParameterSet.Parameter(spec.name(), spec.unit(), spec.constraint(), constant, null, spec.description(), src, null);
            }
        } else if (m.containsKey("expression")) {
            base = Expression.compile(String.valueOf(m.get("expression")), spec.domain().variable(), constants, where);
        } else {
            MonotoneTable t = table(m.get("table"), where, baseDir);
            base = t;
            if (m.get("domain") == null) {
                domain = domain.withBounds(Math.max(domain.low(), t.lowerBound()), Math.min(domain.high(), t.upperBound()));
            }
        }
        DefinedFunction f = new DefinedFunction(base, constant, scale, ea, t0, domain);
        FunctionChecks.check(where, f, spec.unit(), spec.constraint(), domain, t0);
        return new ParameterSet.Parameter(spec.name(), spec.unit(), spec.constraint(), Double.NaN, f, spec.description(), src, domain);
    }

    private static boolean looksLikeQuantity(String text) {
        if (!Quantity.startsWithNumber(text)) {
            return false;
        }
        try {
            Quantity.parse(text);
            return true;
        } catch (UnitException e) {
            return false;
        }
    }

    static double number(Object o, String where) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        try {
            double d = Double.parseDouble(String.valueOf(o).trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ParameterException(where + " = '" + o + "' is not allowed: expected a finite number");
    }

    private static MonotoneTable table(Object t, String where, Path baseDir) {
        if (t instanceof Map) {
            Map<String, Object> m = stringKeys(t, where, "table");
            if (!(m.get("x") instanceof List<?> xs) || !(m.get("y") instanceof List<?> ys)) {
                throw new ParameterException(where + ": table must be {x: [...], y: [...]} or the name of a CSV file");
            }
            return new MonotoneTable(numbers(xs, where + " table x"), numbers(ys, where + " table y"), where);
        }
        Path csv = baseDir == null ? Path.of(String.valueOf(t)) : baseDir.resolve(String.valueOf(t));
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ParameterException(where + ": cannot read table file " + csv + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        int row = 0;
        for (String line : lines) {
            row++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] parts = s.split("[,;\\s]+");
            if (parts.length < 2) {
                throw new ParameterException(where + ": " + csv + " line " + row + ": expected two columns x, y");
            }
            try {
                x.add(Double.parseDouble(parts[0]));
                y.add(Double.parseDouble(parts[1]));
            } catch (NumberFormatException e) {
                if (x.isEmpty() && row == 1) {
                    continue; // header
                }
                throw new ParameterException(where + ": " + csv + " line " + row + ": '" + s + "' is not two numbers");
            }
        }
        return new MonotoneTable(x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray(), where + " (" + csv.getFileName() + ")");
    }

    /**
     * Writes a set in the parameter-file format (values in SI with their unit, functions as
     * expressions or inline tables with their Arrhenius law, sources kept), such that reading
     * it back gives the same values.
     *
     * @throws ParameterException for a function defined in Java code (no text form)
     */
    public static String write(ParameterSet set, String description) {
        StringBuilder b = new StringBuilder();
        b.append("# Written by Nernst from parameter set '").append(set.name()).append("'; values in SI units.\n");
        b.append("name: ").append(quote(set.name())).append('\n');
        if (description != null) {
            b.append("description: ").append(quote(description)).append('\n');
        }
        b.append("parameters:\n");
        for (String n : set.names()) {
            ParameterSet.Parameter p = set.parameter(n);
            b.append("  ").append(quote(n)).append(":");
            List<String> fields = new ArrayList<>();
            if (!p.isFunction()) {
                fields.add("value: " + quote(quantity(p.value(), p.unit())));
            } else if (p.function() instanceof DefinedFunction f) {
                String variable = p.domain() == null ? "x" : p.domain().variable();
                if (f.base() == null) {
                    fields.add("value: " + quote(quantity(f.constant(), p.unit())));
                } else if (f.base() instanceof Expression e) {
                    String text = e.variable().equals(variable) ? e.text()
                            : e.text().replaceAll("(?<![A-Za-z0-9_.])" + java.util.regex.Pattern.quote(e.variable()) + "(?![A-Za-z0-9_])", variable);
                    fields.add("expression: " + quote(text));
                } else if (f.base() instanceof MonotoneTable t) {
                    fields.add("table: {x: " + java.util.Arrays.toString(t.xs()) + ", y: " + java.util.Arrays.toString(t.ys()) + "}");
                } else {
                    throw new ParameterException("cannot write '" + n + "' of set '" + set.name() + "': unsupported function kind");
                }
                if (f.scale() != 1.0) {
                    throw new ParameterException("cannot write '" + n + "': scaled functions are written in SI only");
                }
                if (f.activationEnergy() != 0.0) {
                    fields.add("activation energy: " + quote(f.activationEnergy() + " J.mol-1"));
                    fields.add("reference temperature: " + quote(f.referenceTemperature() + " K"));
                }
                if (f.domain() != null && p.domain() != null && !f.domain().equals(p.domain()) && !(f.base() instanceof MonotoneTable)) {
                    fields.add("domain: [" + f.domain().low() + ", " + f.domain().high() + "]");
                }
            } else {
                throw new ParameterException("cannot write '" + n + "' of set '" + set.name()
                        + "': it is a function written in Java, with no text form");
            }
            if (p.source() != null) {
                fields.add("source: " + quote(p.source()));
            }
            b.append(" {").append(String.join(", ", fields)).append("}\n");
        }
        return b.toString();
    }

    private static String quantity(double v, String unit) {
        return unit == null || unit.isEmpty() || unit.equals("1") ? String.valueOf(v) : v + " " + unit;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static double[] numbers(List<?> l, String where) {
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(l.get(i), where + "[" + i + "]");
        }
        return out;
    }
}
