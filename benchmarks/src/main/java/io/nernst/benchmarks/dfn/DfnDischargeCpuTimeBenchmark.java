package io.nernst.benchmarks.dfn;

import io.nernst.core.model.CellModel;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.DaeEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The discharge of {@link DfnDischargeBenchmark} (sparse LU) with the benchmark thread's CPU
 * time per discharge as JMH auxiliary counters. On a shared machine the wall time of a
 * single-threaded benchmark mostly measures how often the scheduler lets it run; the thread's
 * CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()}) does not, so two builds can be
 * compared to a few per cent even when the load is several times the core count.
 * Per-iteration figure: cpuMilliseconds / discharges.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class DfnDischargeCpuTimeBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time and count of the discharges of one iteration (summed by JMH per iteration). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        public double cpuMilliseconds;
        public long discharges;

        @Setup(Level.Iteration)
        public void reset() {
            cpuMilliseconds = 0;
            discharges = 0;
        }
    }

    private CellModel model;
    private BdfSettings settings;
    private List<DaeEvent> events;

    @Setup
    public void setUp() {
        model = ModelRegistry.create("DFN", ModelRegistry.parameterSet("marquis2019"), ModelOptions.defaults());
        settings = DfnDischargeBenchmark.settings("sparse");
        events = List.of(DfnDischargeBenchmark.cutoff(model, 3.105));
    }

    @Benchmark
    public double discharge1C(CpuTime counters) {
        long start = THREADS.getCurrentThreadCpuTime();
        double v = DfnDischargeBenchmark.discharge(model, settings, events, 24.0, 3600.0);
        counters.cpuMilliseconds += (THREADS.getCurrentThreadCpuTime() - start) * 1e-6;
        counters.discharges++;
        return v;
    }
}
