package io.nernst.models.study;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.ModelChoice;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.scenario.MeshSettings;
import io.nernst.core.study.CellModelFactory;
import io.nernst.core.study.CellRunExecutor;
import io.nernst.core.study.RunExecutor;
import io.nernst.core.study.RunPoint;
import io.nernst.core.study.StudyBackend;
import io.nernst.core.study.StudyDefinition;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import java.util.List;

/**
 * The study runs this build offers: cell runs with the models of {@link ModelRegistry}, and 2D lithium
 * deposition runs ({@link DepositionRunExecutor}).
 */
public final class BuiltInStudyBackend implements StudyBackend {

    private static final long serialVersionUID = 1L;

    /** The one instance (stateless). */
    public static final BuiltInStudyBackend INSTANCE = new BuiltInStudyBackend();

    /** The registry's models and parameter sets. */
    public static final CellModelFactory MODELS = new RegistryModels();

    private BuiltInStudyBackend() {
    }

    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public void validate(StudyDefinition study, List<RunPoint> points) {
        if (study.kind() == StudyDefinition.Kind.CELL) {
            CellRunExecutor.validate(study, points, MODELS);
        } else {
            DepositionRunExecutor.validate(study, points);
        }
    }

    @Override
    public RunExecutor executor(StudyDefinition study, String runsDirectory) {
        return study.kind() == StudyDefinition.Kind.CELL ? new CellRunExecutor(study, MODELS, runsDirectory)
                : new DepositionRunExecutor(study, runsDirectory);
    }

    /** {@link ModelRegistry} as a {@link CellModelFactory}. */
    private static final class RegistryModels implements CellModelFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public ParameterSet parameterSet(String name) {
            return ModelRegistry.parameterSet(name);
        }

        @Override
        public List<String> modelNames() {
            return ModelRegistry.modelNames();
        }

        @Override
        public CellModel create(String model, ParameterSet parameters, MeshSettings mesh) {
            return ModelRegistry.create(model, parameters, options(mesh));
        }

        @Override
        public CellModel create(ModelChoice choice, ParameterSet parameters, MeshSettings mesh) {
            return ModelRegistry.create(choice, parameters, options(mesh));
        }

        @Override
        public ParameterSet atTemperature(ParameterSet parameters, double kelvin) {
            return ModelRegistry.atTemperature(parameters, kelvin);
        }

        private Object readResolve() {
            return MODELS;
        }
    }

    /** Mesh counts to model options; 0 keeps the model's default ({@link ModelOptions#fromMesh}). */
    public static ModelOptions options(MeshSettings mesh) {
        return ModelOptions.fromMesh(mesh);
    }
}
