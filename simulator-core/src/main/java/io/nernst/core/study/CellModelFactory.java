package io.nernst.core.study;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.ModelChoice;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.scenario.MeshSettings;
import java.io.Serializable;
import java.util.List;

/** Where a cell study finds parameter sets and models by name (the models module's registry). */
public interface CellModelFactory extends Serializable {

    /** A parameter set by name; IllegalArgumentException naming the known ones. */
    ParameterSet parameterSet(String name);

    /** Model names, for messages. */
    List<String> modelNames();

    /** A new model; mesh counts of 0 keep the model's defaults. */
    CellModel create(String model, ParameterSet parameters, MeshSettings mesh);

    /** A new model as a scenario's {@code model:} key asks for it (type and components). */
    CellModel create(ModelChoice choice, ParameterSet parameters, MeshSettings mesh);

    /** The parameters at a scenario's {@code temperature:} [K]. */
    ParameterSet atTemperature(ParameterSet parameters, double kelvin);
}
