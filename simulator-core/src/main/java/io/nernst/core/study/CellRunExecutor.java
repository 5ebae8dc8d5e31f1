package io.nernst.core.study;

import io.nernst.core.model.CellModel;
import io.nernst.core.output.RunInfo;
import io.nernst.core.output.RunOutputs;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.scenario.ParameterOverrides;
import io.nernst.core.scenario.Scenario;
import io.nernst.core.scenario.ScenarioException;
import io.nernst.core.scenario.ScenarioLoader;
import io.nernst.core.simulation.Simulation;
import io.nernst.core.simulation.Solution;
import io.nernst.core.simulation.SolverStatistics;
import io.nernst.core.simulation.StepEnd;
import io.nernst.core.simulation.StepSummary;
import io.nernst.core.text.NameSuggestions;
import io.nernst.core.units.Units;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the points of a cell study: builds each run's scenario from the base and the run's values, creates the
 * model, runs the experiment and computes the declared metrics from the solution.
 *
 * <p>What runs share is kept per worker: the parsed base scenario (when only parameters vary, a run's
 * scenario is the base with more overrides, no YAML is read), and the parameter set by name. Nothing that
 * depends on a previous run's numbers is carried over, so every run's results are a function of its inputs
 * alone (the engine's determinism rests on it).
 */
public final class CellRunExecutor implements RunExecutor {

    private final StudyDefinition study;
    private final CellModelFactory factory;
    private final String runsDirectory;
    private final ScenarioTree baseTree;
    private final Scenario baseScenario;
    private final boolean onlyParameters;
    private final List<String> observedFields;
    private final Map<String, ParameterSet> parameterSets = new HashMap<>();

    /**
     * @param runsDirectory where kept time series go, or null
     */
    public CellRunExecutor(StudyDefinition study, CellModelFactory factory, String runsDirectory) {
        this.study = study;
        this.factory = factory;
        this.runsDirectory = runsDirectory;
        this.baseTree = ScenarioTree.parse(study.baseYaml(), study.baseSource());
        this.onlyParameters = study.variables().stream().allMatch(v -> v.target() == Variable.Target.PARAMETER);
        this.baseScenario = onlyParameters ? parse(study.baseYaml()) : null;
        this.observedFields = observedFields(study);
    }

    private static List<String> observedFields(StudyDefinition study) {
        List<String> out = new ArrayList<>();
        for (MetricSpec m : study.metrics()) {
            String f = null;
            if (m.type() == MetricSpec.Type.MIN_ELECTROLYTE_CONCENTRATION) {
                f = "Electrolyte concentration [mol.m-3]";
            } else if ((m.type() == MetricSpec.Type.MIN || m.type() == MetricSpec.Type.MAX) && !isScalarName(m.column())) {
                f = m.column();
            }
            if (f != null && !out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Names the simulation loop records whatever the model (time, current, voltage, capacity...). */
    private static boolean isScalarName(String column) {
        return Solution.LOOP_COLUMNS.contains(column);
    }

    private Scenario parse(String yaml) {
        return ScenarioLoader.parse(new StringReader(yaml), study.baseSource(), Path.of(study.baseDirectory()), null, "study-run");
    }

    /** The run's scenario: the base with the run's values. */
    Scenario scenario(RunPoint point) {
        if (onlyParameters) {
            Map<String, String> overrides = new LinkedHashMap<>();
            for (int i = 0; i < study.variables().size(); i++) {
                overrides.put(study.variables().get(i).name(), point.texts().get(i));
            }
            return baseScenario.withOverrides(overrides);
        }
        ScenarioTree tree = baseTree.copy();
        Map<String, String> placeholders = new HashMap<>();
        for (int i = 0; i < study.variables().size(); i++) {
            Variable v = study.variables().get(i);
            String text = point.texts().get(i);
            if (v.target() == Variable.Target.PLACEHOLDER) {
                placeholders.put(v.name(), text);
            } else {
                tree.set(v.path(), text, study.source() + ": vary." + v.name());
            }
        }
        tree.substitute(placeholders);
        return parse(tree.toYaml());
    }

    /** The model of a scenario, with the field extrema the metrics need. */
    CellModel model(Scenario scenario) {
        return model(scenario, parameters(scenario));
    }

    /** The run's parameters: the named set with the scenario's overrides. */
    ParameterSet parameters(Scenario scenario) {
        ParameterSet set = parameterSets.computeIfAbsent(scenario.parameterSet(), factory::parameterSet);
        ParameterSet p = ParameterOverrides.apply(set, scenario.overrides());
        // as `nernst run` does: the scenario's temperature after the overrides
        return scenario.hasTemperature() ? factory.atTemperature(p, scenario.temperature()) : p;
    }

    CellModel model(Scenario scenario, ParameterSet parameters) {
        CellModel model = factory.create(scenario.modelChoice(), parameters, scenario.mesh());
        return observedFields.isEmpty() ? model : new FieldExtremaModel(model, observedFields);
    }

    @Override
    public RunRecord run(RunPoint point) {
        long start = System.nanoTime();
        int metricCount = study.metrics().size();
        Scenario scenario;
        CellModel model;
        ParameterSet parameters;
        try {
            scenario = scenario(point);
            parameters = parameters(scenario);
            model = model(scenario, parameters);
        } catch (IllegalArgumentException e) {
            return RunRecord.failed(point.index(), metricCount, RunRecord.INVALID_INPUT, e.getMessage(), seconds(start));
        } catch (RuntimeException e) {
            return RunRecord.failed(point.index(), metricCount, RunRecord.INTERNAL_ERROR, e.toString(), seconds(start));
        }
        long deadline = Double.isFinite(study.timeoutSeconds()) ? start + (long) (study.timeoutSeconds() * 1e9) : Long.MAX_VALUE;
        Simulation simulation = new Simulation(model, scenario.experiment(), scenario.solver());
        if (deadline != Long.MAX_VALUE) {
            simulation.progress(p -> {
                if (System.nanoTime() > deadline) {
                    throw new RunTimeout(study.timeoutSeconds());
                }
            });
        }
        Solution solution;
        try {
            solution = simulation.run();
        } catch (RunTimeout e) {
            return RunRecord.failed(point.index(), metricCount, RunRecord.TIME_OUT, e.getMessage(), seconds(start));
        } catch (IllegalArgumentException e) {
            return RunRecord.failed(point.index(), metricCount, RunRecord.INVALID_INPUT, e.getMessage(), seconds(start));
        } catch (RuntimeException e) {
            return RunRecord.failed(point.index(), metricCount, RunRecord.INTERNAL_ERROR, e.toString(), seconds(start));
        }
        if (runsDirectory != null && study.keepTimeseries()) {
            Path dir = Path.of(runsDirectory, String.format("run-%06d", point.index() + 1));
            RunOutputs.write(dir, new RunInfo(model.name(), scenario.parameterSet(), scenario.overrides(),
                    scenario.experiment().describe(), new LinkedHashMap<>()), solution, false, false);
        }
        SolverStatistics s = solution.statistics();
        if (solution.status() != Solution.Status.COMPLETED) {
            boolean timeout = solution.failureCause() instanceof RunTimeout;
            return new RunRecord(point.index(), nanArray(metricCount), RunRecord.Status.FAILED, null,
                    timeout ? RunRecord.TIME_OUT : RunRecord.SOLVER_FAILURE,
                    timeout ? solution.failureCause().getMessage() : solution.failure(), seconds(start), s.steps(),
                    s.rejectedSteps(), s.newtonIterations(), s.jacobianEvaluations(), s.factorizations());
        }
        double[] metrics = new double[metricCount];
        for (int i = 0; i < metricCount; i++) {
            metrics[i] = metric(study.metrics().get(i), solution, parameters);
        }
        List<StepSummary> steps = solution.steps();
        String end = steps.isEmpty() ? null : steps.get(steps.size() - 1).end().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return new RunRecord(point.index(), metrics, RunRecord.Status.COMPLETED, end, null, null, seconds(start), s.steps(),
                s.rejectedSteps(), s.newtonIterations(), s.jacobianEvaluations(), s.factorizations());
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }

    /** One metric of a completed run, in the metric's unit; NaN when it does not exist for this run. */
    static double metric(MetricSpec m, Solution solution, ParameterSet parameters) {
        double v = nativeValue(m, solution, parameters);
        String nativeUnit = m.type().nativeUnit() != null ? m.type().nativeUnit() : StudyLoader.columnUnit(m.column());
        if (Double.isNaN(v) || m.unit() == null || m.unit().equals(nativeUnit)) {
            return v;
        }
        return Units.convert(StudyNumbers.format(v) + " " + nativeUnit, m.unit(), "metric '" + m.name() + "'");
    }

    private static double nativeValue(MetricSpec m, Solution solution, ParameterSet parameters) {
        List<StepSummary> steps = solution.steps();
        switch (m.type()) {
            case DISCHARGE_CAPACITY:
            case DISCHARGE_ENERGY: {
                boolean capacity = m.type() == MetricSpec.Type.DISCHARGE_CAPACITY;
                if (m.step() > 0) {
                    StepSummary s = step(steps, m.step());
                    return s == null ? Double.NaN : capacity ? s.capacity() : s.energy();
                }
                if (m.cycle() > 0) {
                    return cycleDischarge(steps, m.cycle() - 1, capacity);
                }
                return solution.last(capacity ? Solution.CAPACITY : Solution.ENERGY);
            }
            case CAPACITY_RETENTION: {
                int lastCycle = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).cycle();
                int last = m.last() > 0 ? m.last() - 1 : lastCycle;
                double first = cycleDischarge(steps, m.first() - 1, true);
                double end = cycleDischarge(steps, last, true);
                return first > 0 ? end / first : Double.NaN;
            }
            case END_VOLTAGE: {
                StepSummary s = m.step() > 0 ? step(steps, m.step()) : steps.isEmpty() ? null : steps.get(steps.size() - 1);
                return s == null ? Double.NaN : s.endVoltage();
            }
            case TIME_TO_CUTOFF: {
                StepSummary s = step(steps, m.step() > 0 ? m.step() : 1);
                return s != null && s.end() == StepEnd.VOLTAGE_LIMIT ? s.duration() : Double.NaN;
            }
            case MAX_TEMPERATURE: {
                for (String name : solution.names()) {
                    if (name.toLowerCase(java.util.Locale.ROOT).contains("temperature [k]")) {
                        return extreme(solution, name, m, true);
                    }
                }
                // an isothermal model runs at the ambient temperature throughout
                return parameters.contains("Ambient temperature") ? parameters.value("Ambient temperature") : Double.NaN;
            }
            case MIN_ELECTROLYTE_CONCENTRATION:
                return extreme(solution, FieldExtremaModel.MIN + "Electrolyte concentration [mol.m-3]", m, false);
            case VALUE: {
                int c = solution.columnIndex(m.column());
                int row = lastRowOfStep(solution, m.step() > 0 ? m.step() - 1 : -1);
                return row < 0 ? Double.NaN : solution.value(row, c);
            }
            case MIN:
            case MAX: {
                boolean max = m.type() == MetricSpec.Type.MAX;
                String column = solution.names().contains(m.column()) ? m.column()
                        : (max ? FieldExtremaModel.MAX : FieldExtremaModel.MIN) + m.column();
                return extreme(solution, column, m, max);
            }
            default:
                throw new IllegalStateException("metric " + m.type() + " is not a cell metric");
        }
    }

    private static StepSummary step(List<StepSummary> steps, int oneBased) {
        return oneBased <= steps.size() ? steps.get(oneBased - 1) : null;
    }

    /** Discharge capacity (or energy) of one cycle: the sum over its steps that delivered charge. */
    private static double cycleDischarge(List<StepSummary> steps, int cycle, boolean capacity) {
        double sum = 0;
        boolean any = false;
        for (StepSummary s : steps) {
            if (s.cycle() == cycle) {
                any = true;
                double v = capacity ? s.capacity() : s.energy();
                if (v > 0) {
                    sum += v;
                }
            }
        }
        return any ? sum : Double.NaN;
    }

    private static int lastRowOfStep(Solution solution, int stepIndex) {
        if (stepIndex < 0) {
            return solution.rows() - 1;
        }
        int stepColumn = solution.columnIndex(Solution.STEP);
        for (int r = solution.rows() - 1; r >= 0; r--) {
            if ((int) solution.value(r, stepColumn) == stepIndex) {
                return r;
            }
        }
        return -1;
    }

    /** Minimum or maximum of a column over the run, or over one step (or cycle) when the metric names it. */
    private static double extreme(Solution solution, String column, MetricSpec m, boolean max) {
        int c = solution.columnIndex(column);
        int stepColumn = solution.columnIndex(Solution.STEP);
        int cycleColumn = solution.columnIndex(Solution.CYCLE);
        double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        boolean any = false;
        for (int r = 0; r < solution.rows(); r++) {
            if (m.step() > 0 && (int) solution.value(r, stepColumn) != m.step() - 1) {
                continue;
            }
            if (m.cycle() > 0 && (int) solution.value(r, cycleColumn) != m.cycle() - 1) {
                continue;
            }
            double v = solution.value(r, c);
            best = max ? Math.max(best, v) : Math.min(best, v);
            any = true;
        }
        return any ? best : Double.NaN;
    }

    /**
     * Checks a cell study before any run: every varied name exists, each value of each variable is accepted
     * on its own (in the first run's company), every metric column exists in the model's outputs.
     */
    public static void validate(StudyDefinition study, List<RunPoint> points, CellModelFactory factory) {
        CellRunExecutor ex = new CellRunExecutor(study, factory, null);
        RunPoint first = points.get(0);
        Scenario firstScenario = ex.scenario(first);
        ParameterSet set = factory.parameterSet(firstScenario.parameterSet());
        for (Variable v : study.variables()) {
            if (v.target() == Variable.Target.PARAMETER && !set.contains(v.name())) {
                List<String> candidates = new ArrayList<>(set.names());
                candidates.addAll(ex.baseTree.placeholders());
                throw new ScenarioException(study.source() + ": unknown varied name '" + v.name() + "'; did you mean '"
                        + NameSuggestions.closest(v.name(), candidates) + "'? A varied name is a parameter of set '"
                        + set.name() + "', a scenario path such as mesh.negative or experiment.steps[0], or a {placeholder} "
                        + "used in the scenario's text");
            }
        }
        CellModel model = factory.create(firstScenario.modelChoice(), ex.parameters(firstScenario), firstScenario.mesh());
        List<String> columns = new ArrayList<>(Solution.LOOP_COLUMNS);
        columns.addAll(model.scalarOutputNames());
        List<String> fields = model.fieldOutputs().stream().map(f -> f.name()).toList();
        for (MetricSpec m : study.metrics()) {
            if (m.column() != null && !columns.contains(m.column())
                    && !((m.type() == MetricSpec.Type.MIN || m.type() == MetricSpec.Type.MAX) && fields.contains(m.column()))) {
                List<String> all = new ArrayList<>(columns);
                all.addAll(fields);
                throw new ScenarioException(study.source() + ": metrics." + m.name() + ": model " + model.name()
                        + " has no output '" + m.column() + "'; did you mean '" + NameSuggestions.closest(m.column(), all)
                        + "'? Outputs: " + String.join(", ", columns)
                        + (fields.isEmpty() ? "" : "; fields (min and max only): " + String.join(", ", fields)));
            }
        }
        // each value once, with the first run's other values: one value that is refused on its own is bad input
        for (int j = 0; j < study.variables().size(); j++) {
            Variable v = study.variables().get(j);
            List<String> values = v.values().isEmpty() ? List.of(v.text(v.from()), v.text(v.to())) : v.values();
            for (String value : values) {
                List<String> texts = new ArrayList<>(first.texts());
                texts.set(j, value);
                RunPoint p = new RunPoint(first.index(), texts, first.numbers());
                Scenario s = ex.scenario(p);
                ParameterOverrides.apply(ex.parameterSets.computeIfAbsent(s.parameterSet(), factory::parameterSet), s.overrides());
            }
        }
    }

    /** Thrown from the progress listener when a run passes its wall-clock limit. */
    static final class RunTimeout extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RunTimeout(double seconds) {
            super("wall-clock limit of " + StudyNumbers.format(seconds) + " s per run reached", null, false, false);
        }
    }
}
