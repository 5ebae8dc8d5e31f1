package io.nernst.benchmarks.dfn;

import io.nernst.core.model.CellModel;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.DaeEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DFN 1C discharge time versus mesh size: the same number of finite volumes in each of the
 * three x-domains (10 ... 160), particle shells FIXED at 11, so the unknown count grows
 * linearly with the points per domain (2 x points x 15 + points x 2 + 1). Same tolerances as
 * {@link DfnDischargeBenchmark}. The log-log slope of time versus points is what
 * {@link DfnScalingFit} reports.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DfnMeshScalingBenchmark {

    @Param({"10", "20", "40", "80", "160"})
    public int pointsPerDomain;

    @Param({"banded", "sparse"})
    public String linearSolver;

    private CellModel model;
    private BdfSettings settings;
    private List<DaeEvent> events;

    @Setup
    public void setUp() {
        ModelOptions options = ModelOptions.builder().negativePoints(pointsPerDomain).separatorPoints(pointsPerDomain)
                .positivePoints(pointsPerDomain).particlePoints(11).build();
        model = ModelRegistry.create("DFN", ModelRegistry.parameterSet("marquis2019"), options);
        settings = DfnDischargeBenchmark.settings(linearSolver);
        events = List.of(DfnDischargeBenchmark.cutoff(model, 3.105));
    }

    @Benchmark
    public double discharge1C() {
        return DfnDischargeBenchmark.discharge(model, settings, events, 24.0, 3600.0);
    }
}
