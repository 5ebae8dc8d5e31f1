package io.nernst.models;

import io.nernst.core.text.NameSuggestions;

import io.nernst.core.model.CellModel;
import io.nernst.core.parameters.ParameterException;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.cell.CellDesign;
import io.nernst.models.cell.DfnModel;
import io.nernst.models.cell.SpmModel;
import io.nernst.models.cell.SpmeModel;
import io.nernst.models.parameters.Marquis2019;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Entry point for looking up built-in parameter sets and creating cell models by name, as the
 * command line and scenario files do.
 *
 * <p>Models: "SPM" (single particle), "SPMe" (single particle with electrolyte, Marquis et al.
 * 2019), "DFN" (Doyle-Fuller-Newman); names are case-insensitive. Parameter sets:
 * "marquis2019".
 */
public final class ModelRegistry {
    private static final List<String> MODELS = List.of("SPM", "SPMe", "DFN");
    private static final Map<String, Supplier<ParameterSet>> SETS = new LinkedHashMap<>();

    static {
        SETS.put(Marquis2019.NAME, Marquis2019::create);
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
            for (Map.Entry<String, Supplier<ParameterSet>> e : SETS.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name.trim())) {
                    return e.getValue().get();
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
                throw new io.nernst.core.error.BadInputException("unknown model '" + modelName + "'; known: " + String.join(", ", MODELS)
                        + closestHint(modelName, MODELS));
        }
    }

    private static void requirePorous(String model, ModelOptions o) {
        if (o.negativeElectrode() != io.nernst.models.electrode.ElectrodeKind.POROUS) {
            throw new io.nernst.core.error.BadInputException(model + " needs a porous negative electrode (options ask for "
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
