package io.nernst.core.scenario;

import io.nernst.core.experiment.Experiment;
import io.nernst.core.model.ModelChoice;
import io.nernst.core.simulation.SolverOptions;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a run needs, as read from a scenario file by {@link ScenarioLoader}: which
 * model, which parameter set and overrides (as written, units resolved later against each
 * parameter's unit), the experiment, mesh counts, solver options and output settings.
 *
 * @param source          the file read, or {@code null}
 * @param model           model type name, e.g. "DFN" (the type of {@code modelChoice})
 * @param parameterSet    built-in parameter set name, e.g. "marquis2019", or null
 * @param overrides       parameter name to value text ("60 um"), in file order
 *                        ({@code parameters.overrides}, then command-line {@code --set})
 * @param experiment      the protocol
 * @param mesh            finite-volume counts
 * @param solver          integrator options
 * @param output          output settings
 * @param modelChoice     the model type with its components ({@code model: {type: DFN, electrolyte: ...}})
 * @param temperature     ambient and initial temperature [K] from {@code temperature: 25 degC}, or NaN
 *                        to keep the parameter set's
 * @param parameterFile   {@code parameters.file} resolved against the scenario's folder, or null:
 *                        a complete parameter file, or entries overriding {@code parameterSet}
 * @param bpxFile         {@code parameters.bpx} resolved likewise, or null
 */
public record Scenario(Path source, String model, String parameterSet, Map<String, String> overrides,
                       Experiment experiment, MeshSettings mesh, SolverOptions solver, OutputSettings output,
                       ModelChoice modelChoice, double temperature, Path parameterFile, Path bpxFile) {

    public Scenario {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        if (modelChoice == null) {
            modelChoice = ModelChoice.of(model);
        }
        if (!modelChoice.type().equals(model)) {
            throw new IllegalArgumentException("model '" + model + "' and model choice " + modelChoice + " disagree");
        }
    }

    /** A scenario on a built-in set with the short model form and the parameter set's temperature. */
    public Scenario(Path source, String model, String parameterSet, Map<String, String> overrides,
                    Experiment experiment, MeshSettings mesh, SolverOptions solver, OutputSettings output) {
        this(source, model, parameterSet, overrides, experiment, mesh, solver, output, ModelChoice.of(model), Double.NaN, null, null);
    }

    /** A scenario on a built-in set (no parameter or BPX file). */
    public Scenario(Path source, String model, String parameterSet, Map<String, String> overrides,
                    Experiment experiment, MeshSettings mesh, SolverOptions solver, OutputSettings output,
                    ModelChoice modelChoice, double temperature) {
        this(source, model, parameterSet, overrides, experiment, mesh, solver, output, modelChoice, temperature, null, null);
    }

    /** True when the scenario sets the temperature. */
    public boolean hasTemperature() {
        return !Double.isNaN(temperature);
    }

    /** What the parameters are, for messages and summaries: the set, the file, or both. */
    public String parameterSource() {
        if (bpxFile != null) {
            return bpxFile.getFileName().toString();
        }
        if (parameterFile != null) {
            return (parameterSet == null ? "" : parameterSet + " + ") + parameterFile.getFileName();
        }
        return parameterSet;
    }

    /** A copy with more overrides (later entries win). */
    public Scenario withOverrides(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(more);
        return new Scenario(source, model, parameterSet, all, experiment, mesh, solver, output, modelChoice, temperature,
                parameterFile, bpxFile);
    }

    /** A copy with another output directory. */
    public Scenario withOutputDirectory(Path dir) {
        return new Scenario(source, model, parameterSet, overrides, experiment, mesh, solver, output.withDirectory(dir),
                modelChoice, temperature, parameterFile, bpxFile);
    }
}
