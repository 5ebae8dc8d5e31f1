package io.nernst.cli;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.ModelChoice;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.scenario.MeshSettings;
import io.nernst.core.scenario.ParameterOverrides;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the command line finds parameter sets and models by name. The built-in catalog
 * ({@link #builtIn()}) is the models module's registry; tests supply their own.
 */
public interface ModelCatalog {

    /**
     * A parameter set by name.
     *
     * @throws io.nernst.core.error.BadInputException naming the unknown set and listing the known ones
     */
    ParameterSet parameterSet(String name);

    /**
     * The parameters of a scenario: a built-in set, a parameter file (complete, or overriding
     * the set), or a BPX file, with the text overrides applied and checked.
     *
     * @throws IllegalArgumentException naming file, key, value and what is allowed
     */
    default ParameterSet parameters(String set, Path file, Path bpx, Map<String, String> overrides) {
        if (file != null || bpx != null) {
            throw new IllegalArgumentException("this catalog reads built-in sets only");
        }
        return ParameterOverrides.apply(parameterSet(set), overrides);
    }

    /** Model names, for messages. */
    List<String> modelNames();

    /**
     * Creates a model with the given parameters and mesh counts (0 = the model's default).
     *
     * @throws io.nernst.core.error.BadInputException for an unknown model or inconsistent parameters
     */
    CellModel create(String modelName, ParameterSet parameters, MeshSettings mesh);

    /**
     * Creates the model a scenario's {@code model:} key asks for, with its components. The
     * default takes the short form only.
     *
     * @throws IllegalArgumentException naming the key and allowed values for an unknown or
     *                                  incompatible component
     */
    default CellModel create(ModelChoice choice, ParameterSet parameters, MeshSettings mesh) {
        if (!choice.options().isEmpty()) {
            throw new IllegalArgumentException("model components (" + choice + ") are not available in this catalog;"
                    + " write the short form, e.g. model: " + choice.type());
        }
        return create(choice.type(), parameters, mesh);
    }

    /**
     * The parameters with the ambient and initial temperature set to {@code kelvin} (a
     * scenario's {@code temperature:}).
     *
     * @throws IllegalArgumentException when the catalog's models have no temperature
     */
    default ParameterSet atTemperature(ParameterSet parameters, double kelvin) {
        throw new IllegalArgumentException("temperature is not a setting of this catalog's models");
    }

    /** The models of this build. */
    static ModelCatalog builtIn() {
        return BuiltInCatalog.INSTANCE;
    }
}
