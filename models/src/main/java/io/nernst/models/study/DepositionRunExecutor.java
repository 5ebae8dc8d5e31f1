package io.nernst.models.study;

import io.nernst.core.output.AtomicFiles;
import io.nernst.core.scenario.ScenarioException;
import io.nernst.core.study.MetricSpec;
import io.nernst.core.study.RunExecutor;
import io.nernst.core.study.RunPoint;
import io.nernst.core.study.RunRecord;
import io.nernst.core.study.ScenarioTree;
import io.nernst.core.study.StudyDefinition;
import io.nernst.core.study.Variable;
import io.nernst.core.text.NameSuggestions;
import io.nernst.core.units.Units;
import io.nernst.models.deposition.DepositionObservables;
import io.nernst.models.deposition.DepositionRun;
import io.nernst.models.deposition.DepositionScenario;
import io.nernst.models.deposition.DepositionSettings;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the points of a deposition study: each run's scenario is the base with the run's values (read by
 * {@link DepositionScenario}, which checks every key and range), run by {@link DepositionRun}; the metrics
 * come from its series of observables. A run that reaches the top of the domain (a short circuit) or Sand's
 * time (depletion: above the limiting current) has completed with that end; one that uses up the study's
 * time-out or fails to converge has failed.
 */
public final class DepositionRunExecutor implements RunExecutor {

    private static final List<String> COLUMNS = List.of(DepositionObservables.CSV_HEADER);

    private final StudyDefinition study;
    private final ScenarioTree base;
    private final String runsDirectory;

    public DepositionRunExecutor(StudyDefinition study, String runsDirectory) {
        this.study = study;
        this.base = ScenarioTree.parse(study.baseYaml(), study.baseSource());
        this.runsDirectory = runsDirectory;
    }

    DepositionSettings settings(RunPoint point) {
        ScenarioTree tree = base.copy();
        Map<String, String> placeholders = new HashMap<>();
        for (int i = 0; i < study.variables().size(); i++) {
            Variable v = study.variables().get(i);
            if (v.target() == Variable.Target.PLACEHOLDER) {
                placeholders.put(v.name(), point.texts().get(i));
            } else {
                tree.set(v.path(), point.texts().get(i), study.source() + ": vary." + v.name());
            }
        }
        tree.substitute(placeholders);
        DepositionSettings s = DepositionScenario.parse(new StringReader(tree.toYaml()), study.baseSource(), "study-run").settings();
        if (Double.isFinite(study.timeoutSeconds()) && study.timeoutSeconds() < s.wallTimeBudget()) {
            s = s.toBuilder().wallTimeBudget(study.timeoutSeconds()).build();
        }
        return s;
    }

    @Override
    public RunRecord run(RunPoint point) {
        long start = System.nanoTime();
        int n = study.metrics().size();
        DepositionSettings settings;
        try {
            settings = settings(point);
        } catch (IllegalArgumentException e) {
            return RunRecord.failed(point.index(), n, RunRecord.INVALID_INPUT, e.getMessage(), seconds(start));
        }
        DepositionRun.Result result;
        try {
            result = DepositionRun.run(settings, null);
        } catch (IllegalArgumentException e) {
            return RunRecord.failed(point.index(), n, RunRecord.INVALID_INPUT, e.getMessage(), seconds(start));
        } catch (RuntimeException e) {
            return RunRecord.failed(point.index(), n, RunRecord.INTERNAL_ERROR, e.toString(), seconds(start));
        }
        List<DepositionObservables> series = result.series();
        long coupling = 0;
        for (DepositionObservables o : series) {
            coupling += o.couplingIterations();
        }
        if (runsDirectory != null && study.keepTimeseries()) {
            writeTimeseries(Path.of(runsDirectory, String.format("run-%06d", point.index() + 1), "timeseries.csv"), series);
        }
        switch (result.reason()) {
            case WALL_TIME:
                return new RunRecord(point.index(), nan(n), RunRecord.Status.FAILED, null, RunRecord.TIME_OUT,
                        result.message(), seconds(start), result.steps(), 0, coupling, 0, 0);
            case SOLVER_FAILURE:
                return new RunRecord(point.index(), nan(n), RunRecord.Status.FAILED, null, RunRecord.SOLVER_FAILURE,
                        result.message(), seconds(start), result.steps(), 0, coupling, 0, 0);
            default:
                break;
        }
        double[] metrics = new double[n];
        for (int i = 0; i < n; i++) {
            metrics[i] = metric(study.metrics().get(i), series);
        }
        String end = result.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return new RunRecord(point.index(), metrics, RunRecord.Status.COMPLETED, end, null, null, seconds(start),
                result.steps(), 0, coupling, 0, 0);
    }

    private static void writeTimeseries(Path file, List<DepositionObservables> series) {
        StringBuilder b = new StringBuilder(String.join(",", DepositionObservables.CSV_HEADER)).append('\n');
        for (DepositionObservables o : series) {
            double[] v = o.csvValues();
            for (int i = 0; i < v.length; i++) {
                b.append(i > 0 ? "," : "").append(v[i]);
            }
            b.append('\n');
        }
        try {
            java.nio.file.Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        AtomicFiles.write(file, out -> out.write(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }

    /** A metric of a finished run, in the metric's unit; NaN when it does not exist (a height never reached). */
    static double metric(MetricSpec m, List<DepositionObservables> series) {
        DepositionObservables first = series.get(0);
        DepositionObservables last = series.get(series.size() - 1);
        double v;
        String nativeUnit = m.type().nativeUnit();
        switch (m.type()) {
            case MAX_HEIGHT -> v = last.maxHeight();
            case HEIGHT_SPREAD_GROWTH -> v = first.heightStandardDeviation() > 0
                    ? last.heightStandardDeviation() / first.heightStandardDeviation() : Double.NaN;
            case MAX_AMPLIFICATION -> {
                v = Double.NEGATIVE_INFINITY;
                // at t = 0 no current has flowed through the deposit yet: the amplification of the steps counts
                for (int i = 1; i < series.size(); i++) {
                    v = Math.max(v, series.get(i).currentAmplification());
                }
                if (series.size() == 1) {
                    v = Double.NaN;
                }
            }
            case TIME_TO_HEIGHT -> {
                v = Double.NaN;
                for (int i = 1; i < series.size(); i++) {
                    DepositionObservables a = series.get(i - 1);
                    DepositionObservables b = series.get(i);
                    if (b.maxHeight() >= m.height()) {
                        // linear in time between the two recorded states
                        v = a.maxHeight() >= m.height() ? a.time()
                                : a.time() + (m.height() - a.maxHeight()) / (b.maxHeight() - a.maxHeight()) * (b.time() - a.time());
                        break;
                    }
                }
                if (first.maxHeight() >= m.height()) {
                    v = 0;
                }
            }
            case VALUE, MIN, MAX -> {
                int c = COLUMNS.indexOf(m.column());
                nativeUnit = unitOf(m.column());
                if (m.type() == MetricSpec.Type.VALUE) {
                    v = last.csvValues()[c];
                } else {
                    boolean max = m.type() == MetricSpec.Type.MAX;
                    v = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                    for (DepositionObservables o : series) {
                        double x = o.csvValues()[c];
                        v = max ? Math.max(v, x) : Math.min(v, x);
                    }
                }
            }
            default -> throw new IllegalStateException("metric " + m.type() + " is not a deposition metric");
        }
        if (Double.isNaN(v) || m.unit() == null || m.unit().equals(nativeUnit)) {
            return v;
        }
        return Units.convert(v + " " + nativeUnit, m.unit(), "metric '" + m.name() + "'");
    }

    private static String unitOf(String column) {
        int a = column.lastIndexOf('[');
        int b = column.lastIndexOf(']');
        if (a < 0 || b < a) {
            return "";
        }
        String u = column.substring(a + 1, b).trim();
        return u.equals("-") ? "" : u;
    }

    /** Checks a deposition study before any run: each value on its own is accepted; metric columns exist. */
    static void validate(StudyDefinition study, List<RunPoint> points) {
        for (MetricSpec m : study.metrics()) {
            if (m.column() != null && !COLUMNS.contains(m.column())) {
                throw new ScenarioException(study.source() + ": metrics." + m.name() + ": a deposition run has no output '"
                        + m.column() + "'; did you mean '" + NameSuggestions.closest(m.column(), COLUMNS) + "'? Outputs: "
                        + String.join(", ", COLUMNS));
            }
        }
        DepositionRunExecutor ex = new DepositionRunExecutor(study, null);
        RunPoint first = points.get(0);
        ex.settings(first);
        for (int j = 0; j < study.variables().size(); j++) {
            Variable v = study.variables().get(j);
            List<String> values = v.values().isEmpty() ? List.of(v.text(v.from()), v.text(v.to())) : v.values();
            for (String value : values) {
                List<String> texts = new ArrayList<>(first.texts());
                texts.set(j, value);
                ex.settings(new RunPoint(first.index(), texts, first.numbers()));
            }
        }
    }
}
