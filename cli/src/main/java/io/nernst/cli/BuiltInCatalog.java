package io.nernst.cli;

import io.nernst.core.model.CellModel;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.scenario.MeshSettings;
import java.util.List;

/**
 * The models module's registry as a {@link ModelCatalog}. Until the models module provides
 * its registry, this build has no models and says so.
 */
final class BuiltInCatalog implements ModelCatalog {
    static final BuiltInCatalog INSTANCE = new BuiltInCatalog();

    private BuiltInCatalog() {
    }

    @Override
    public ParameterSet parameterSet(String name) {
        throw new IllegalArgumentException("this build has no parameter sets (the models module is not yet available); cannot load '" + name + "'");
    }

    @Override
    public List<String> modelNames() {
        return List.of();
    }

    @Override
    public CellModel create(String modelName, ParameterSet parameters, MeshSettings mesh) {
        throw new IllegalArgumentException("this build has no cell models; cannot create '" + modelName + "'");
    }
}
