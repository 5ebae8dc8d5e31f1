package io.nernst.cli;

import io.nernst.core.error.Failures;
import io.nernst.core.error.OutputFailureException;
import io.nernst.core.model.CellModel;
import io.nernst.core.output.OutputSet;
import io.nernst.core.output.RunInfo;
import io.nernst.core.output.RunOutputs;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.scenario.Scenario;
import io.nernst.core.scenario.ScenarioException;
import io.nernst.core.scenario.ScenarioLoader;
import io.nernst.core.simulation.ResourceEstimate;
import io.nernst.core.simulation.Simulation;
import io.nernst.core.simulation.Solution;
import io.nernst.core.simulation.StepSummary;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nernst run SCENARIO.yaml}: loads a scenario, applies parameter overrides, creates
 * the model, runs the experiment with a progress line, prints a summary and writes
 * {@code timeseries.csv}, {@code summary.json} and {@code voltage.png}.
 *
 * <p>Bad input gives one message on stderr and exit code {@link ExitCodes#BAD_INPUT}, with
 * a stack trace only under {@code --debug}. A solver failure still writes what was computed
 * and exits with {@link ExitCodes#SOLVER_FAILURE}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario file and write its outputs (timeseries.csv, summary.json, voltage.png).")
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "Scenario file (YAML), see docs/user-guide.md.")
    private Path scenarioFile;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output directory (default: the scenario's output.dir).")
    private Path out;

    @Option(names = {"-s", "--set"}, paramLabel = "NAME=VALUE",
            description = "Override a parameter, e.g. --set \"Negative electrode thickness=60 um\" (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--debug", description = "Print stack traces of errors.")
    private boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    private final ModelCatalog catalog;

    /** A run command drawing models from {@code catalog}. */
    public RunCommand(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            return run(stdout, stderr);
        } catch (RuntimeException | OutOfMemoryError e) {
            // one table for every command: io.nernst.core.error.Failures
            return Failures.report(e, stderr, debug);
        }
    }

    private int run(PrintWriter stdout, PrintWriter stderr) {
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        Map<String, String> cliOverrides = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new ScenarioException("--set expects NAME=VALUE, e.g. --set \"Negative electrode thickness=60 um\"; got '" + s + "'");
            }
            cliOverrides.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        scenario = scenario.withOverrides(cliOverrides);
        if (out != null) {
            scenario = scenario.withOutputDirectory(out);
        }

        ParameterSet parameters = catalog.parameters(scenario.parameterSet(), scenario.parameterFile(), scenario.bpxFile(),
                scenario.overrides());
        if (scenario.hasTemperature()) {
            parameters = catalog.atTemperature(parameters, scenario.temperature());
        }
        // refuse a mesh whose unknowns cannot fit before the model allocates them (defaults are below 100 cells)
        long[] counts = scenario.mesh().countsOr(100);
        ResourceEstimate.requireMeshFits(counts[0], counts[1], meshText(scenario));
        CellModel model = catalog.create(scenario.modelChoice(), parameters, scenario.mesh());

        // the output directory is checked (and its staging directory made) before any computing
        Path dir = scenario.output().directory();
        OutputSet outputSet = OutputSet.begin(dir, RunOutputs.NAMES);
        try {
            return runAndWrite(stdout, stderr, scenario, model, outputSet);
        } finally {
            outputSet.abandon();
        }
    }

    private int runAndWrite(PrintWriter stdout, PrintWriter stderr, Scenario scenario, CellModel model, OutputSet outputSet) {
        ProgressLine progress = new ProgressLine(stderr, !quiet, System.console() != null);
        Simulation simulation = new Simulation(model, scenario.experiment(), scenario.solver())
                .fieldSnapshotsAtStepEnds(scenario.output().fields())
                .fieldSnapshotTimes(scenario.output().fieldTimes().stream().mapToDouble(Double::doubleValue).toArray())
                .progress(progress);
        Solution solution;
        try {
            solution = simulation.run();
        } finally {
            progress.clear();
        }

        Path dir = scenario.output().directory();
        List<Path> written = new ArrayList<>();
        try {
            for (Path p : RunOutputs.write(outputSet.directory(), runInfo(scenario, model), solution, scenario.output().plot(),
                    scenario.output().fields() || !scenario.output().fieldTimes().isEmpty())) {
                written.add(dir.resolve(p.getFileName()));
            }
        } catch (UncheckedIOException e) {
            throw new OutputFailureException("cannot write outputs: " + e.getMessage().replace(outputSet.directory().toString(),
                    dir.toString()), e.getCause());
        }
        // the whole set appears at once, replacing an earlier run's set as a whole
        outputSet.commit();
        if (!quiet) {
            printSummary(stdout, scenario, model, solution, dir, written);
        }
        if (solution.status() == Solution.Status.SOLVER_FAILURE) {
            stderr.println("nernst: " + solution.failure() + "; the outputs up to the failure were written to " + dir);
            if (debug && solution.failureCause() != null) {
                solution.failureCause().printStackTrace(stderr);
            }
            stderr.flush();
            return ExitCodes.SOLVER_FAILURE;
        }
        return ExitCodes.OK;
    }

    private static String meshText(Scenario s) {
        return "{negative: " + s.mesh().negative() + ", separator: " + s.mesh().separator() + ", positive: " + s.mesh().positive()
                + ", particle: " + s.mesh().particle() + "}";
    }

    private static RunInfo runInfo(Scenario s, CellModel model) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("scenario", s.source() == null ? null : s.source().toString());
        settings.put("model", s.modelChoice().toString());
        settings.put("temperatureK", s.hasTemperature() ? s.temperature() : null);
        Map<String, Object> mesh = new LinkedHashMap<>();
        mesh.put("negative", s.mesh().negative());
        mesh.put("separator", s.mesh().separator());
        mesh.put("positive", s.mesh().positive());
        mesh.put("particle", s.mesh().particle());
        settings.put("mesh", mesh);
        settings.put("unknowns", model.dimension());
        Map<String, Object> solver = new LinkedHashMap<>();
        solver.put("rtol", s.solver().relativeTolerance());
        solver.put("atol", s.solver().absoluteTolerance());
        solver.put("maxStepSeconds", Double.isFinite(s.solver().maxStep()) ? s.solver().maxStep() : null);
        solver.put("initialStepSeconds", Double.isNaN(s.solver().initialStep()) ? null : s.solver().initialStep());
        solver.put("linearSolver", s.solver().linearSolver());
        settings.put("solver", solver);
        settings.put("outputPeriodSeconds", Double.isNaN(s.experiment().period()) ? null : s.experiment().period());
        settings.put("nominalCapacityAh", model.nominalCapacity());
        settings.put("electrodeAreaM2", model.electrodeArea());
        if (model instanceof io.nernst.models.cell.DfnModel dfn) {
            settings.put("voltageVersus", dfn.voltageReference());
            if (!dfn.compositeSummary().isEmpty()) {
                // the composite cathode's composition converted at load (volume fractions, thickness, closures)
                settings.put("positiveComposite", dfn.compositeSummary());
            }
        }
        return new RunInfo(model.name(), s.parameterSource(), s.overrides(), s.experiment().describe(), settings);
    }

    private static void printSummary(PrintWriter w, Scenario scenario, CellModel model, Solution solution, Path dir, List<Path> written) {
        int steps = scenario.experiment().schedule().size();
        w.printf(Locale.ROOT, "%s with %s%s: %d unknowns, %d step%s%n", model.name(), scenario.parameterSource(),
                scenario.overrides().isEmpty() ? "" : " (" + scenario.overrides().size() + " override"
                        + (scenario.overrides().size() == 1 ? "" : "s") + ")",
                model.dimension(), steps, steps == 1 ? "" : "s");
        w.printf(Locale.ROOT, "%5s %5s %12s %12s %12s %9s %9s  %s%n", "step", "cycle", "duration[s]", "cap.[A.h]", "energy[W.h]",
                "start[V]", "end[V]", "end");
        for (StepSummary s : solution.steps()) {
            w.printf(Locale.ROOT, "%5d %5d %12.1f %12.5g %12.5g %9.4f %9.4f  %s%n", s.index() + 1, s.cycle() + 1, s.duration(),
                    s.capacity(), s.energy(), s.startVoltage(), s.endVoltage(), s.reason());
        }
        if (solution.steps().size() < steps) {
            w.printf(Locale.ROOT, "%d of %d steps not run%n", steps - solution.steps().size(), steps);
        }
        w.printf(Locale.ROOT, "%s: %.4g A.h, %.4g W.h in %.1f s simulated; %.2f s wall time, %d integrator steps (%d rejected), linear solver %s%n",
                solution.status() == Solution.Status.COMPLETED ? "completed" : "stopped by solver failure",
                solution.rows() == 0 ? 0.0 : solution.last(Solution.CAPACITY),
                solution.rows() == 0 ? 0.0 : solution.last(Solution.ENERGY),
                solution.rows() == 0 ? 0.0 : solution.last(Solution.TIME),
                solution.wallTime(), solution.statistics().steps(), solution.statistics().rejectedSteps(),
                solution.statistics().linearSolver() == null ? "none" : solution.statistics().linearSolver());
        List<String> names = new ArrayList<>();
        for (Path p : written) {
            names.add(p.getFileName().toString());
        }
        w.printf("outputs in %s: %s%n", dir, String.join(", ", names));
        w.flush();
    }
}
