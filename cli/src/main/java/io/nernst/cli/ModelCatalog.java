package io.nernst.cli;

import io.nernst.core.model.CellModel;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.scenario.MeshSettings;
import java.util.List;

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

    /** Model names, for messages. */
    List<String> modelNames();

    /**
     * Creates a model with the given parameters and mesh counts (0 = the model's default).
     *
     * @throws io.nernst.core.error.BadInputException for an unknown model or inconsistent parameters
     */
    CellModel create(String modelName, ParameterSet parameters, MeshSettings mesh);

    /** The models of this build. */
    static ModelCatalog builtIn() {
        return BuiltInCatalog.INSTANCE;
    }
}
