package io.nernst.cli;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.ModelChoice;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.scenario.MeshSettings;
import io.nernst.models.ModelOptions;
import io.nernst.core.scenario.ParameterOverrides;
import io.nernst.models.ModelRegistry;
import io.nernst.models.parameters.CellParameterChecks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The models module's {@link ModelRegistry} as a {@link ModelCatalog}. */
final class BuiltInCatalog implements ModelCatalog {
    static final BuiltInCatalog INSTANCE = new BuiltInCatalog();

    private BuiltInCatalog() {
    }

    @Override
    public ParameterSet parameterSet(String name) {
        return ModelRegistry.parameterSet(name);
    }

    @Override
    public ParameterSet parameters(String set, Path file, Path bpx, Map<String, String> overrides) {
        ParameterSet p = ParameterOverrides.apply(ModelRegistry.parameters(set, file, bpx), overrides);
        if (!overrides.isEmpty()) {
            CellParameterChecks.check(p, "with the overrides " + overrides.keySet());
        }
        return p;
    }

    @Override
    public List<String> modelNames() {
        return ModelRegistry.modelNames();
    }

    @Override
    public CellModel create(String modelName, ParameterSet parameters, MeshSettings mesh) {
        return ModelRegistry.create(modelName, parameters, options(mesh));
    }

    @Override
    public CellModel create(ModelChoice choice, ParameterSet parameters, MeshSettings mesh) {
        return ModelRegistry.create(choice, parameters, options(mesh));
    }

    @Override
    public ParameterSet atTemperature(ParameterSet parameters, double kelvin) {
        return ModelRegistry.atTemperature(parameters, kelvin);
    }

    /** Mesh counts to model options; 0 keeps the model's default ({@link ModelOptions#fromMesh}). */
    static ModelOptions options(MeshSettings mesh) {
        return ModelOptions.fromMesh(mesh);
    }
}
