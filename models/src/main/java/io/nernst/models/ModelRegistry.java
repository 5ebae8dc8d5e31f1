package io.nernst.models;

import io.nernst.core.text.NameSuggestions;

import io.nernst.core.model.CellModel;
import io.nernst.core.parameters.ParameterException;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.cell.CellDesign;
import io.nernst.models.cell.DfnModel;
import io.nernst.models.cell.SpmModel;
import io.nernst.models.cell.SpmeModel;
import io.nernst.core.parameters.ParameterFiles;
import io.nernst.models.parameters.Bpx;
import io.nernst.models.parameters.CellParameterChecks;
import io.nernst.models.parameters.CellParameterSchema;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entry point for looking up built-in parameter sets and creating cell models by name, as the
 * command line and scenario files do.
 *
 * <p>Models: "SPM" (single particle), "SPMe" (single particle with electrolyte, Marquis et al.
 * 2019), "DFN" (Doyle-Fuller-Newman); names are case-insensitive. Parameter sets: the
 * resource files {@code io/nernst/models/parameters/<name>.yaml} ("marquis2019", "chen2020",
 * "ecker2015"), read against {@link CellParameterSchema}.
 */
public final class ModelRegistry {
    private static final List<String> MODELS = List.of("SPM", "SPMe", "DFN");
    /** Built-in set name to a one-line description. */
    private static final Map<String, String> SETS = new LinkedHashMap<>();
    private static final Map<String, ParameterSet> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        SETS.put("marquis2019", "LiCoO2 | graphite, Marquis et al., J. Electrochem. Soc. 166 (2019) A3693 (COMSOL reference cell)");
        SETS.put("chen2020", "LG M50 21700: NMC811 | graphite-SiOx, Chen et al., J. Electrochem. Soc. 167 (2020) 080534");
        SETS.put("ecker2015", "Kokam SLPB 75106100: NMC | graphite, Ecker et al., J. Electrochem. Soc. 162 (2015) A1836, A1849");
    }

    private ModelRegistry() {
    }

    /**
     * A built-in parameter set by name (case-insensitive).
     *
     * @throws ParameterException for an unknown name, listing the known ones and the closest
     */
    public static ParameterSet parameterSet(String name) {
        if (name != null) {
            for (String known : SETS.keySet()) {
                if (known.equalsIgnoreCase(name.trim())) {
                    // sets are immutable and their functions thread-safe: read each file once
                    return LOADED.computeIfAbsent(known, k -> ParameterFiles.readResource(ModelRegistry.class,
                            "parameters/" + k + ".yaml", CellParameterSchema.get()));
                }
            }
        }
        throw new ParameterException("unknown parameter set '" + name + "'; known: " + String.join(", ", SETS.keySet())
                + closestHint(name, List.copyOf(SETS.keySet())));
    }

    /** Names of the built-in parameter sets. */
    public static List<String> parameterSetNames() {
        return List.copyOf(SETS.keySet());
    }

    /** One-line description of a built-in set (its cell and paper). */
    public static String parameterSetDescription(String name) {
        return SETS.get(name);
    }

    /**
     * The parameters of a scenario's {@code parameters:} section, checked across parameters
     * ({@link CellParameterChecks}).
     *
     * @param set  a built-in set name, or null
     * @param file a parameter file (YAML or JSON): with a set its entries override the set's;
     *             without one it must be complete. May be null.
     * @param bpx  a BPX file (instead of set and file), or null
     * @throws ParameterException naming file, key, value and what is allowed
     */
    public static ParameterSet parameters(String set, Path file, Path bpx) {
        ParameterSet p;
        String source;
        if (bpx != null) {
            if (set != null || file != null) {
                throw new ParameterException("parameters: give 'bpx' alone, not with 'set' or 'file'");
            }
            p = Bpx.read(bpx);
            source = bpx.toString();
        } else if (file != null) {
            p = set == null ? ParameterFiles.read(file, CellParameterSchema.get())
                    : ParameterFiles.overlay(parameterSet(set), file, CellParameterSchema.get());
            source = file.toString();
        } else if (set != null) {
            p = parameterSet(set);
            source = set;
        } else {
            throw new ParameterException("parameters: give 'set' (" + String.join(", ", SETS.keySet()) + "), 'file' or 'bpx'");
        }
        CellParameterChecks.check(p, source);
        return p;
    }

    /** A built-in set name or a parameter file (YAML/JSON) or a BPX file (.json with a "Header"). */
    public static ParameterSet parameterSetOrFile(String nameOrFile) {
        Path f = Path.of(nameOrFile);
        if (java.nio.file.Files.isRegularFile(f)) {
            return Bpx.isBpx(f) ? parameters(null, null, f) : parameters(null, f, null);
        }
        return parameterSet(nameOrFile);
    }

    /** Names of the available models: SPM, SPMe, DFN. */
    public static List<String> modelNames() {
        return MODELS;
    }

    /**
     * Creates a model.
     *
     * @param modelName  "SPM", "SPMe" or "DFN" (case-insensitive)
     * @param parameters the parameter set (e.g. {@link #parameterSet(String)})
     * @param options    discretisation options ({@link ModelOptions#defaults()})
     * @throws IllegalArgumentException for an unknown model name (suggesting the closest)
     * @throws ParameterException       for a missing or inconsistent parameter
     */
    public static CellModel create(String modelName, ParameterSet parameters, ModelOptions options) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameter set must not be null");
        }
        ModelOptions o = options == null ? ModelOptions.defaults() : options;
        String key = modelName == null ? "" : modelName.trim().toUpperCase(Locale.ROOT);
        switch (key) {
            case "SPM":
                requirePorous("SPM", o);
                return new SpmModel(CellDesign.fromParameters(parameters, o.kinetics()), o);
            case "SPME":
                requirePorous("SPMe", o);
                return new SpmeModel(CellDesign.fromParameters(parameters, o.kinetics()), o);
            case "DFN":
                return new DfnModel(CellDesign.fromParameters(parameters, o.kinetics(), o.negativeElectrode()), o);
            default:
                throw new IllegalArgumentException("unknown model '" + modelName + "'; known: " + String.join(", ", MODELS)
                        + closestHint(modelName, MODELS));
        }
    }

    private static void requirePorous(String model, ModelOptions o) {
        if (o.negativeElectrode() != io.nernst.models.electrode.ElectrodeKind.POROUS) {
            throw new IllegalArgumentException(model + " needs a porous negative electrode (options ask for "
                    + o.negativeElectrode() + "); use DFN for planar metal anodes");
        }
    }

    private static String closestHint(String name, List<String> known) {
        if (name == null || known.isEmpty()) {
            return "";
        }
        return "; did you mean '" + NameSuggestions.closest(name, known) + "'?";
    }
}
