package io.nernst.benchmarks.solidstate;

import io.nernst.models.solidstate.PartialContactRun;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 0.1C charge of a partially contacted NCM811 particle to 4.0 V (seed 002's experiment,
 * {@link PartialContactRun#seed002}): 20 radial x 16 polar cells (337 unknowns), Butler-Volmer on
 * the cap, BDF at rtol = atol = 1e-6 with the sparse LU; building the system, consistent
 * initialisation and the whole integration to the cut-off event. Target (issue 10): under 1 s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PartialContactChargeBenchmark {

    /** Contact fraction: full coverage, and seed 002's partial-contact case. */
    @Param({"1.0", "0.25"})
    public double contactFraction;

    @Benchmark
    public double chargeToFourVolts() {
        PartialContactRun.Result result = PartialContactRun.seed002(contactFraction).charge();
        return result.contrast();
    }
}
