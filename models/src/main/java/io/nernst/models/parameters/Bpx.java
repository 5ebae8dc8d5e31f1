package io.nernst.models.parameters;

import static io.nernst.models.parameters.CellParameterSchema.*;
import static io.nernst.models.parameters.ParameterNames.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nernst.core.parameters.DefinedFunction;
import io.nernst.core.parameters.Domain;
import io.nernst.core.parameters.Expression;
import io.nernst.core.parameters.FunctionChecks;
import io.nernst.core.parameters.MaterialFunction;
import io.nernst.core.parameters.MonotoneTable;
import io.nernst.core.parameters.ParameterException;
import io.nernst.core.parameters.ParameterSchema;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.parameters.ParameterSpec;
import io.nernst.core.text.NameSuggestions;
import io.nernst.models.materials.Constants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Battery Parameter eXchange (BPX, FaradayInstitution/BPX, {@code bpx/schema.py}) import and
 * export for DFN cells with one active material per electrode.
 *
 * <p>Mapping (the conventions of the BPX schema's field descriptions and of PyBaMM's BPX
 * reader): the plate area is "Electrode area" times the number of electrode pairs; the
 * active material fraction is a R / 3 from "Surface area per unit volume"; "Transport
 * efficiency" B is kept exactly by a Bruggeman exponent b = ln B / ln eps on the porosity
 * (eps^b = B); electrode "Conductivity" is already effective (Bruggeman exponent 0 on the
 * solid); the normalised "Reaction rate constant" k [mol/(m2 s)] of
 * i0 = F k sqrt(c_e/c_e0 x (1 - x)) becomes m_ref = F k / (c_max sqrt(c_e0)); the cell starts
 * charged (negative at its maximum, positive at its minimum stoichiometry); expressions are
 * Python syntax in {@code x} (stoichiometry, or concentration in mol/m3 for the electrolyte),
 * tables {@code {x: [...], y: [...]}}.
 *
 * <p>Not supported, with an error naming section and key: blended electrodes ("Particle"),
 * OCP hysteresis branches, SPM-only electrode variants without porosity and transport
 * efficiency, user-defined parameters other than thermal ones.
 */
public final class Bpx {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double DEFAULT_REFERENCE_TEMPERATURE = 298.15;

    private static final List<String> HEADER = List.of("BPX", "Title", "Description", "References", "Model");
    private static final List<String> CELL = List.of("Electrode area [m2]", "External surface area [m2]", "Volume [m3]",
            "Number of electrode pairs connected in parallel to make a cell", "Lower voltage cut-off [V]", "Upper voltage cut-off [V]",
            "Nominal cell capacity [A.h]", "Ambient temperature [K]", "Initial temperature [K]", "Reference temperature [K]",
            "Density [kg.m-3]", "Specific heat capacity [J.K-1.kg-1]", "Thermal conductivity [W.m-1.K-1]");
    private static final List<String> ELECTROLYTE = List.of("Initial concentration [mol.m-3]", "Cation transference number",
            "Diffusivity [m2.s-1]", "Diffusivity activation energy [J.mol-1]", "Conductivity [S.m-1]",
            "Conductivity activation energy [J.mol-1]");
    private static final List<String> ELECTRODE = List.of("Particle radius [m]", "Thickness [m]", "Diffusivity [m2.s-1]",
            "OCP [V]", "Entropic change coefficient [V.K-1]", "Conductivity [S.m-1]", "Surface area per unit volume [m-1]",
            "Porosity", "Transport efficiency", "Reaction rate constant [mol.m-2.s-1]", "Minimum stoichiometry",
            "Maximum stoichiometry", "Maximum concentration [mol.m-3]", "Diffusivity activation energy [J.mol-1]",
            "Reaction rate constant activation energy [J.mol-1]");
    private static final List<String> SEPARATOR = List.of("Thickness [m]", "Porosity", "Transport efficiency");
    private static final List<String> UNSUPPORTED_ELECTRODE = List.of("Particle", "OCP (delithiation) [V]", "OCP (lithiation) [V]",
            "OCP hysteresis decay constant");

    private Bpx() {
    }

    /** True when the file is JSON with a top-level "Header" holding "BPX". */
    public static boolean isBpx(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return false;
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return n.has("Header") && n.get("Header").has("BPX");
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the JSON tree, errors naming the file (and line). */
    public static JsonNode readTree(Path file) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ParameterException("unreadable BPX file " + file + " line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ParameterException("cannot read BPX file " + file + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
    }

    /**
     * Imports a BPX file.
     *
     * @throws ParameterException naming file, section and key for schema violations, values
     *                            outside their range and unsupported features
     */
    public static ParameterSet read(Path file) {
        return fromTree(readTree(file), file.toString());
    }

    /** Imports a parsed BPX tree; {@code source} names it in messages. */
    public static ParameterSet fromTree(JsonNode root, String source) {
        Reader r = new Reader(source);
        JsonNode header = r.section(root, "Header", HEADER);
        r.require(header, "Header", "BPX");
        r.require(header, "Header", "Model");
        String model = header.get("Model").asText();
        if (!List.of("SPM", "SPMe", "DFN").contains(model)) {
            throw new ParameterException(source + ": Header.Model = '" + model + "' is not supported: expected SPM, SPMe or DFN"
                    + " (a 'Partial' parameterisation cannot be run)");
        }
        JsonNode par = r.section(root, "Parameterisation", List.of("Cell", "Electrolyte", "Negative electrode", "Positive electrode",
                "Separator", "User-defined"));
        JsonNode state = root.get("State");
        JsonNode cell = r.section(par, "Cell", CELL);
        JsonNode electrolyte = r.section(par, "Electrolyte", ELECTROLYTE);
        JsonNode neg = r.electrodeSection(par, "Negative electrode");
        JsonNode pos = r.electrodeSection(par, "Positive electrode");
        JsonNode sep = r.section(par, "Separator", SEPARATOR);
        if (par.has("User-defined")) {
            Iterator<String> it = par.get("User-defined").fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!k.equals("description")) {
                    throw new ParameterException(source + ": section 'Parameterisation.User-defined', key '" + k
                            + "' is not supported: Nernst does not know what the parameter means in its models");
                }
            }
        }

        Map<String, ParameterSet.Parameter> out = new LinkedHashMap<>();
        double tref = r.optional(cell, "Cell", "Reference temperature [K]", DEFAULT_REFERENCE_TEMPERATURE);
        int pairs = (int) r.number(cell, "Cell", "Number of electrode pairs connected in parallel to make a cell");
        double area = r.number(cell, "Cell", "Electrode area [m2]") * pairs;
        r.put(out, ELECTRODE_HEIGHT, area, "Cell: Electrode area [m2] x Number of electrode pairs");
        r.put(out, ELECTRODE_WIDTH, 1.0, "BPX gives the area; the width is 1 m");
        r.put(out, ELECTRODE_PAIRS, pairs, "Cell");
        r.put(out, NOMINAL_CAPACITY, r.number(cell, "Cell", "Nominal cell capacity [A.h]"), "Cell");
        double ce0 = state != null && state.has("Initial electrolyte concentration [mol.m-3]")
                ? state.get("Initial electrolyte concentration [mol.m-3]").asDouble()
                : r.number(electrolyte, "Electrolyte", "Initial concentration [mol.m-3]");
        for (JsonNode[] e : new JsonNode[][] {{neg}, {pos}}) {
            String side = e[0] == neg ? NEGATIVE : POSITIVE;
            String sec = side + " electrode";
            JsonNode n = e[0];
            double eps = r.number(n, sec, "Porosity");
            double radius = r.number(n, sec, "Particle radius [m]");
            double cmax = r.number(n, sec, "Maximum concentration [mol.m-3]");
            double xmin = r.number(n, sec, "Minimum stoichiometry");
            double xmax = r.number(n, sec, "Maximum stoichiometry");
            r.put(out, electrode(side, THICKNESS), r.number(n, sec, "Thickness [m]"), sec);
            r.put(out, electrode(side, CONDUCTIVITY), r.number(n, sec, "Conductivity [S.m-1]"), sec + " (effective)");
            r.put(out, electrode(side, MAXIMUM_CONCENTRATION), cmax, sec);
            r.put(out, electrode(side, INITIAL_CONCENTRATION), cmax * (side.equals(NEGATIVE) ? xmax : xmin),
                    sec + ": charged start, " + (side.equals(NEGATIVE) ? "Maximum" : "Minimum") + " stoichiometry x c_max");
            r.function(out, electrode(side, PARTICLE_DIFFUSIVITY), n, sec, "Diffusivity [m2.s-1]",
                    r.optional(n, sec, "Diffusivity activation energy [J.mol-1]", 0.0), tref);
            r.function(out, electrode(side, OCP), n, sec, "OCP [V]", 0.0, tref);
            if (n.has("Entropic change coefficient [V.K-1]")) {
                r.function(out, electrode(side, OCP_ENTROPIC_CHANGE), n, sec, "Entropic change coefficient [V.K-1]", 0.0, tref);
            }
            r.put(out, electrode(side, POROSITY), eps, sec);
            double active = r.number(n, sec, "Surface area per unit volume [m-1]") * radius / 3.0;
            r.put(out, electrode(side, ACTIVE_FRACTION), active, sec + ": Surface area per unit volume x Particle radius / 3");
            r.put(out, electrode(side, PARTICLE_RADIUS), radius, sec);
            r.put(out, electrode(side, BRUGGEMAN_ELECTROLYTE), r.bruggeman(n, sec, eps), sec + ": ln(Transport efficiency) / ln(Porosity)");
            r.put(out, electrode(side, BRUGGEMAN_ELECTRODE), 0.0, "BPX conductivity is effective");
            r.put(out, electrode(side, CHARGE_TRANSFER_COEFFICIENT), 0.5, "BPX: symmetric Butler-Volmer");
            double k = r.number(n, sec, "Reaction rate constant [mol.m-2.s-1]");
            r.put(out, electrode(side, REACTION_RATE_CONSTANT), Constants.FARADAY * k / (cmax * Math.sqrt(ce0)),
                    sec + ": F k / (c_max sqrt(c_e0))");
            r.put(out, electrode(side, REACTION_ACTIVATION_ENERGY),
                    r.optional(n, sec, "Reaction rate constant activation energy [J.mol-1]", 0.0), sec);
            r.put(out, electrode(side, MINIMUM_STOICHIOMETRY), xmin, sec);
            r.put(out, electrode(side, MAXIMUM_STOICHIOMETRY), xmax, sec);
        }
        double sepEps = r.number(sep, "Separator", "Porosity");
        r.put(out, SEPARATOR_THICKNESS, r.number(sep, "Separator", "Thickness [m]"), "Separator");
        r.put(out, SEPARATOR_POROSITY, sepEps, "Separator");
        r.put(out, SEPARATOR_BRUGGEMAN, r.bruggeman(sep, "Separator", sepEps), "Separator: ln(Transport efficiency) / ln(Porosity)");
        r.put(out, INITIAL_ELECTROLYTE_CONCENTRATION, ce0, "Electrolyte");
        r.put(out, TRANSFERENCE_NUMBER, r.number(electrolyte, "Electrolyte", "Cation transference number"), "Electrolyte");
        r.put(out, THERMODYNAMIC_FACTOR, 1.0, "BPX: ideal solution");
        r.function(out, ELECTROLYTE_DIFFUSIVITY, electrolyte, "Electrolyte", "Diffusivity [m2.s-1]",
                r.optional(electrolyte, "Electrolyte", "Diffusivity activation energy [J.mol-1]", 0.0), tref);
        r.function(out, ELECTROLYTE_CONDUCTIVITY, electrolyte, "Electrolyte", "Conductivity [S.m-1]",
                r.optional(electrolyte, "Electrolyte", "Conductivity activation energy [J.mol-1]", 0.0), tref);
        r.put(out, REFERENCE_TEMPERATURE, tref, "Cell");
        double ambient = state != null && state.has("Ambient temperature [K]") ? state.get("Ambient temperature [K]").asDouble()
                : r.optional(cell, "Cell", "Ambient temperature [K]", tref);
        r.put(out, AMBIENT_TEMPERATURE, ambient, "Cell");
        r.put(out, INITIAL_TEMPERATURE, state != null && state.has("Initial temperature [K]") ? state.get("Initial temperature [K]").asDouble()
                : r.optional(cell, "Cell", "Initial temperature [K]", ambient), "Cell");
        r.put(out, LOWER_CUTOFF, r.number(cell, "Cell", "Lower voltage cut-off [V]"), "Cell");
        r.put(out, UPPER_CUTOFF, r.number(cell, "Cell", "Upper voltage cut-off [V]"), "Cell");
        if (cell.has("Density [kg.m-3]")) {
            r.put(out, CELL_DENSITY, r.number(cell, "Cell", "Density [kg.m-3]"), "Cell");
        }
        if (cell.has("Specific heat capacity [J.K-1.kg-1]")) {
            r.put(out, CELL_SPECIFIC_HEAT_CAPACITY, r.number(cell, "Cell", "Specific heat capacity [J.K-1.kg-1]"), "Cell");
        }
        if (cell.has("Thermal conductivity [W.m-1.K-1]")) {
            r.put(out, CELL_THERMAL_CONDUCTIVITY, r.number(cell, "Cell", "Thermal conductivity [W.m-1.K-1]"), "Cell");
        }
        if (cell.has("External surface area [m2]")) {
            r.put(out, CELL_EXTERNAL_SURFACE_AREA, r.number(cell, "Cell", "External surface area [m2]"), "Cell");
        }
        if (cell.has("Volume [m3]")) {
            r.put(out, CELL_VOLUME, r.number(cell, "Cell", "Volume [m3]"), "Cell");
        }
        String name = Path.of(source).getFileName().toString().replaceFirst("\\.[^.]*$", "");
        ParameterSet.Builder b = ParameterSet.builder(name);
        for (ParameterSpec spec : CellParameterSchema.get().specs()) {
            if (out.containsKey(spec.name())) {
                b.add(out.get(spec.name()));
            }
        }
        return b.build();
    }

    /** Reading helpers that name file, section and key in every message. */
    private static final class Reader {
        final String source;
        final ParameterSchema schema = CellParameterSchema.get();

        Reader(String source) {
            this.source = source;
        }

        JsonNode section(JsonNode parent, String name, List<String> allowed) {
            JsonNode n = parent.get(name);
            if (n == null || !n.isObject()) {
                throw new ParameterException(source + ": missing section '" + name + "'" + (n == null ? "" : " (not an object)"));
            }
            checkKeys(n, name, allowed);
            return n;
        }

        JsonNode electrodeSection(JsonNode parent, String name) {
            JsonNode n = parent.get(name);
            if (n == null || !n.isObject()) {
                throw new ParameterException(source + ": missing section 'Parameterisation." + name + "'");
            }
            for (String k : UNSUPPORTED_ELECTRODE) {
                if (n.has(k)) {
                    throw new ParameterException(source + ": section '" + name + "', key '" + k + "' is not supported: "
                            + (k.equals("Particle") ? "blended electrodes (several particle populations) need one particle population per electrode in Nernst"
                            : "OCP hysteresis is not modelled; give a single 'OCP [V]'"));
                }
            }
            if (!n.has("Porosity") || !n.has("Transport efficiency")) {
                throw new ParameterException(source + ": section '" + name + "' lacks 'Porosity' and 'Transport efficiency' "
                        + "(the SPM-only BPX variant): Nernst runs BPX cells with the DFN parameterisation only");
            }
            checkKeys(n, name, ELECTRODE);
            return n;
        }

        void checkKeys(JsonNode n, String section, List<String> allowed) {
            Iterator<String> it = n.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    String best = NameSuggestions.closest(k, allowed);
                    throw new ParameterException(source + ": section '" + section + "', unknown key '" + k + "'"
                            + (best == null ? "" : "; did you mean '" + best + "'?") + " (BPX keys carry their unit in brackets)");
                }
            }
        }

        void require(JsonNode n, String section, String key) {
            if (!n.has(key)) {
                throw new ParameterException(source + ": section '" + section + "' is missing the required key '" + key + "'");
            }
        }

        double number(JsonNode n, String section, String key) {
            require(n, section, key);
            JsonNode v = n.get(key);
            if (!v.isNumber()) {
                throw new ParameterException(source + ": section '" + section + "', key '" + key + "' = " + v
                        + " is not allowed: expected a number");
            }
            return v.asDouble();
        }

        double optional(JsonNode n, String section, String key, double dflt) {
            return n.has(key) ? number(n, section, key) : dflt;
        }

        double bruggeman(JsonNode n, String section, double eps) {
            double b = number(n, section, "Transport efficiency");
            if (!(b > 0 && b <= 1)) {
                throw new ParameterException(source + ": section '" + section + "', key 'Transport efficiency' = " + b
                        + " is not allowed: expected a fraction in (0, 1]");
            }
            if (!(b <= eps)) {
                throw new ParameterException(source + ": section '" + section + "', key 'Transport efficiency' = " + b
                        + " exceeds the porosity " + eps + "; allowed: B <= porosity (tortuosity >= 1)");
            }
            if (eps == 1.0) {
                return 1.5;
            }
            return Math.log(b) / Math.log(eps);
        }

        void put(Map<String, ParameterSet.Parameter> out, String name, double value, String where) {
            ParameterSpec spec = schema.get(name);
            if (!spec.constraint().accepts(value)) {
                throw new ParameterException(source + ": " + where + ": '" + name + "' = " + value + " " + spec.unit()
                        + " is not allowed: expected " + spec.constraint().description());
            }
            out.put(name, new ParameterSet.Parameter(name, spec.unit(), spec.constraint(), value, null, spec.description(),
                    "BPX " + where, null));
        }

        void function(Map<String, ParameterSet.Parameter> out, String name, JsonNode n, String section, String key,
                      double ea, double tref) {
            require(n, section, key);
            ParameterSpec spec = schema.get(name);
            JsonNode v = n.get(key);
            String where = source + ": section '" + section + "', key '" + key + "'";
            Domain domain = spec.domain();
            MaterialFunction base = null;
            double constant = Double.NaN;
            if (v.isNumber()) {
                constant = v.asDouble();
                if (!spec.constraint().accepts(constant)) {
                    throw new ParameterException(where + " = " + constant + " is not allowed: expected " + spec.constraint().description());
                }
            } else if (v.isTextual()) {
                base = Expression.compile(v.asText(), "x", Map.of(), where);
            } else if (v.isObject() && v.has("x") && v.has("y")) {
                MonotoneTable t = new MonotoneTable(doubles(v.get("x"), where + " x"), doubles(v.get("y"), where + " y"), where);
                base = t;
                domain = domain.withBounds(Math.max(domain.low(), t.lowerBound()), Math.min(domain.high(), t.upperBound()));
            } else {
                throw new ParameterException(where + " = " + v + " is not allowed: expected a number, an expression in x or {x: [...], y: [...]}");
            }
            if (base == null && ea == 0.0) {
                out.put(name, new ParameterSet.Parameter(name, spec.unit(), spec.constraint(), constant, null, spec.description(),
                        "BPX " + section + ": " + key, null));
                return;
            }
            DefinedFunction f = new DefinedFunction(base, constant, 1.0, ea, tref, domain);
            // BPX writes the electrolyte variable as x; the message names it as such
            FunctionChecks.check(where, f, spec.unit(), spec.constraint(), new Domain("x", domain.unit(), domain.low(), domain.high()), tref);
            out.put(name, new ParameterSet.Parameter(name, spec.unit(), spec.constraint(), Double.NaN, f, spec.description(),
                    "BPX " + section + ": " + key, domain));
        }

        private double[] doubles(JsonNode a, String where) {
            if (!a.isArray()) {
                throw new ParameterException(where + " is not a list of numbers");
            }
            double[] out = new double[a.size()];
            for (int i = 0; i < out.length; i++) {
                if (!a.get(i).isNumber()) {
                    throw new ParameterException(where + "[" + i + "] = " + a.get(i) + " is not a number");
                }
                out[i] = a.get(i).asDouble();
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ export

    /**
     * Writes a set as BPX JSON text (DFN, one particle population per electrode).
     *
     * @throws ParameterException for what BPX cannot express (a thermodynamic factor other
     *                            than 1, asymmetric kinetics, a function given as Java code)
     */
    public static String write(ParameterSet p) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode header = root.putObject("Header");
        header.put("BPX", "0.1.0");
        header.put("Title", p.name());
        header.put("Description", "Exported by Nernst from parameter set '" + p.name() + "'");
        header.put("Model", "DFN");
        ObjectNode par = root.putObject("Parameterisation");
        ObjectNode cell = par.putObject("Cell");
        double pairs = p.contains(ELECTRODE_PAIRS) ? p.value(ELECTRODE_PAIRS) : 1.0;
        cell.put("Ambient temperature [K]", p.value(AMBIENT_TEMPERATURE));
        cell.put("Initial temperature [K]", p.value(INITIAL_TEMPERATURE));
        cell.put("Reference temperature [K]", p.value(REFERENCE_TEMPERATURE));
        cell.put("Lower voltage cut-off [V]", p.value(LOWER_CUTOFF));
        cell.put("Upper voltage cut-off [V]", p.value(UPPER_CUTOFF));
        cell.put("Nominal cell capacity [A.h]", p.value(NOMINAL_CAPACITY));
        putIf(cell, p, CELL_SPECIFIC_HEAT_CAPACITY, "Specific heat capacity [J.K-1.kg-1]");
        putIf(cell, p, CELL_THERMAL_CONDUCTIVITY, "Thermal conductivity [W.m-1.K-1]");
        putIf(cell, p, CELL_DENSITY, "Density [kg.m-3]");
        cell.put("Electrode area [m2]", p.value(ELECTRODE_HEIGHT) * p.value(ELECTRODE_WIDTH) / pairs);
        cell.put("Number of electrode pairs connected in parallel to make a cell", (int) Math.round(pairs));
        putIf(cell, p, CELL_EXTERNAL_SURFACE_AREA, "External surface area [m2]");
        putIf(cell, p, CELL_VOLUME, "Volume [m3]");

        if (p.value(THERMODYNAMIC_FACTOR) != 1.0) {
            throw new ParameterException("cannot export '" + p.name() + "' to BPX: '" + THERMODYNAMIC_FACTOR + "' = "
                    + p.value(THERMODYNAMIC_FACTOR) + " but BPX assumes an ideal solution (1)");
        }
        double ce0 = p.value(INITIAL_ELECTROLYTE_CONCENTRATION);
        ObjectNode el = par.putObject("Electrolyte");
        el.put("Initial concentration [mol.m-3]", ce0);
        el.put("Cation transference number", p.value(TRANSFERENCE_NUMBER));
        putFunction(el, p, ELECTROLYTE_CONDUCTIVITY, "Conductivity [S.m-1]", "Conductivity activation energy [J.mol-1]");
        putFunction(el, p, ELECTROLYTE_DIFFUSIVITY, "Diffusivity [m2.s-1]", "Diffusivity activation energy [J.mol-1]");

        StoichiometryWindow window = null;
        for (String side : List.of(NEGATIVE, POSITIVE)) {
            ObjectNode e = par.putObject(side + " electrode");
            double eps = p.value(electrode(side, POROSITY));
            double radius = p.value(electrode(side, PARTICLE_RADIUS));
            double cmax = p.value(electrode(side, MAXIMUM_CONCENTRATION));
            double alpha = p.value(electrode(side, CHARGE_TRANSFER_COEFFICIENT));
            if (alpha != 0.5) {
                throw new ParameterException("cannot export '" + p.name() + "' to BPX: '" + electrode(side, CHARGE_TRANSFER_COEFFICIENT)
                        + "' = " + alpha + " but BPX kinetics are symmetric (0.5)");
            }
            if (p.contains(electrode(side, CONTACT_FRACTION)) && p.value(electrode(side, CONTACT_FRACTION)) != 1.0) {
                throw new ParameterException("cannot export '" + p.name() + "' to BPX: '" + electrode(side, CONTACT_FRACTION)
                        + "' != 1 has no BPX field");
            }
            e.put("Particle radius [m]", radius);
            e.put("Thickness [m]", p.value(electrode(side, THICKNESS)));
            putFunction(e, p, electrode(side, PARTICLE_DIFFUSIVITY), "Diffusivity [m2.s-1]", "Diffusivity activation energy [J.mol-1]");
            putFunction(e, p, electrode(side, OCP), "OCP [V]", null);
            if (p.contains(electrode(side, OCP_ENTROPIC_CHANGE))) {
                putFunction(e, p, electrode(side, OCP_ENTROPIC_CHANGE), "Entropic change coefficient [V.K-1]", null);
            }
            e.put("Conductivity [S.m-1]", p.value(electrode(side, CONDUCTIVITY))
                    * Math.pow(1.0 - eps, p.value(electrode(side, BRUGGEMAN_ELECTRODE))));
            e.put("Surface area per unit volume [m-1]", 3.0 * p.value(electrode(side, ACTIVE_FRACTION)) / radius);
            e.put("Porosity", eps);
            e.put("Transport efficiency", Math.pow(eps, p.value(electrode(side, BRUGGEMAN_ELECTROLYTE))));
            e.put("Reaction rate constant [mol.m-2.s-1]", p.value(electrode(side, REACTION_RATE_CONSTANT)) * cmax * Math.sqrt(ce0)
                    / Constants.FARADAY);
            double xmin;
            double xmax;
            if (p.contains(electrode(side, MINIMUM_STOICHIOMETRY)) && p.contains(electrode(side, MAXIMUM_STOICHIOMETRY))) {
                xmin = p.value(electrode(side, MINIMUM_STOICHIOMETRY));
                xmax = p.value(electrode(side, MAXIMUM_STOICHIOMETRY));
            } else {
                if (window == null) {
                    window = StoichiometryWindow.toLowerCutoff(p);
                }
                double x0 = p.value(electrode(side, INITIAL_CONCENTRATION)) / cmax;
                xmin = side.equals(NEGATIVE) ? window.negativeEnd() : x0;
                xmax = side.equals(NEGATIVE) ? x0 : window.positiveEnd();
            }
            e.put("Minimum stoichiometry", xmin);
            e.put("Maximum stoichiometry", xmax);
            e.put("Maximum concentration [mol.m-3]", cmax);
            e.put("Reaction rate constant activation energy [J.mol-1]", p.value(electrode(side, REACTION_ACTIVATION_ENERGY)));
        }
        ObjectNode sep = par.putObject("Separator");
        double sepEps = p.value(SEPARATOR_POROSITY);
        sep.put("Thickness [m]", p.value(SEPARATOR_THICKNESS));
        sep.put("Porosity", sepEps);
        sep.put("Transport efficiency", Math.pow(sepEps, p.value(SEPARATOR_BRUGGEMAN)));
        try {
            return JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIf(ObjectNode n, ParameterSet p, String name, String key) {
        if (p.contains(name)) {
            n.put(key, p.value(name));
        }
    }

    private static void putFunction(ObjectNode n, ParameterSet p, String name, String key, String eaKey) {
        ParameterSet.Parameter par = p.parameter(name);
        if (!par.isFunction()) {
            n.put(key, par.value());
            return;
        }
        if (!(par.function() instanceof DefinedFunction f) || f.scale() != 1.0) {
            throw new ParameterException("cannot export '" + name + "' of '" + p.name() + "' to BPX: it is not an expression, table or "
                    + "constant in SI units (functions written in Java cannot be exported)");
        }
        if (f.activationEnergy() != 0.0 && eaKey == null) {
            throw new ParameterException("cannot export '" + name + "' to BPX: it has an Arrhenius law but BPX has no field for one");
        }
        if (f.activationEnergy() != 0.0 && f.referenceTemperature() != p.value(REFERENCE_TEMPERATURE)) {
            throw new ParameterException("cannot export '" + name + "' to BPX: its Arrhenius reference temperature "
                    + f.referenceTemperature() + " K differs from the set's " + p.value(REFERENCE_TEMPERATURE) + " K");
        }
        if (f.base() == null) {
            n.put(key, f.constant());
        } else if (f.base() instanceof Expression e) {
            n.put(key, e.variable().equals("x") ? e.text() : renameVariable(e.text(), e.variable(), "x"));
        } else if (f.base() instanceof MonotoneTable t) {
            ObjectNode tab = n.putObject(key);
            ArrayNode xs = tab.putArray("x");
            ArrayNode ys = tab.putArray("y");
            for (double v : t.xs()) {
                xs.add(v);
            }
            for (double v : t.ys()) {
                ys.add(v);
            }
        } else {
            throw new ParameterException("cannot export '" + name + "' to BPX: unsupported function kind");
        }
        if (eaKey != null) {
            n.put(eaKey, f.activationEnergy());
        }
    }

    /** Renames an identifier in an expression text (whole identifiers only). */
    public static String renameVariable(String text, String from, String to) {
        return text.replaceAll("(?<![A-Za-z0-9_.])" + java.util.regex.Pattern.quote(from) + "(?![A-Za-z0-9_])", to);
    }

    /** The Validation section: experiment name to columns (time, current, voltage, temperature). */
    public static Map<String, double[][]> validationData(Path file) {
        JsonNode root = readTree(file);
        Map<String, double[][]> out = new LinkedHashMap<>();
        JsonNode v = root.get("Validation");
        if (v == null) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] keys = {"Time [s]", "Current [A]", "Voltage [V]"};
            double[][] cols = new double[3][];
            for (int k = 0; k < 3; k++) {
                JsonNode a = e.getValue().get(keys[k]);
                if (a == null || !a.isArray()) {
                    throw new ParameterException(file + ": section 'Validation." + e.getKey() + "' is missing the required key '" + keys[k] + "'");
                }
                cols[k] = new double[a.size()];
                for (int i = 0; i < a.size(); i++) {
                    cols[k][i] = a.get(i).asDouble();
                }
                if (cols[k].length != cols[0].length) {
                    throw new ParameterException(file + ": section 'Validation." + e.getKey() + "': '" + keys[k] + "' has "
                            + cols[k].length + " entries but 'Time [s]' has " + cols[0].length);
                }
            }
            out.put(e.getKey(), cols);
        }
        return out;
    }

    /** Unused-import guard for builds that strip the list helpers. */
    static List<String> sections() {
        return new ArrayList<>(List.of("Header", "Parameterisation", "Validation"));
    }
}
