package io.nernst.core.scenario;

import io.nernst.core.experiment.Experiment;
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
 * @param model           model name, e.g. "DFN"
 * @param parameterSet    parameter set name, e.g. "marquis2019"
 * @param overrides       parameter name to value text ("60 um"), in file order; entries of
 *                        {@code parameters.file} first, then {@code parameters.overrides}
 * @param experiment      the protocol
 * @param mesh            finite-volume counts
 * @param solver          integrator options
 * @param output          output settings
 */
public record Scenario(Path source, String model, String parameterSet, Map<String, String> overrides,
                       Experiment experiment, MeshSettings mesh, SolverOptions solver, OutputSettings output) {

    public Scenario {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** A copy with more overrides (later entries win). */
    public Scenario withOverrides(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(more);
        return new Scenario(source, model, parameterSet, all, experiment, mesh, solver, output);
    }

    /** A copy with another output directory. */
    public Scenario withOutputDirectory(Path dir) {
        return new Scenario(source, model, parameterSet, overrides, experiment, mesh, solver, output.withDirectory(dir));
    }
}
