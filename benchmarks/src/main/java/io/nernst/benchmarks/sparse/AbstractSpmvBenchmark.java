package io.nernst.benchmarks.sparse;

import io.nernst.solvers.sparse.CsrMatrix;
import io.nernst.solvers.sparse.ParallelSpmv;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shared state and benchmarks of the SpMV benchmarks: a matrix chosen by the subclass, serial and
 * parallel {@link ParallelSpmv} kernels, and the same-bytes triad probe of {@link SpmvBenchmark}.
 * JMH generates the inherited {@code @Benchmark} methods under each concrete subclass's name.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class AbstractSpmvBenchmark {
    CsrMatrix matrix;
    double[] x;
    double[] y;
    private ParallelSpmv parallel;
    private ParallelSpmv serial;
    SpmvBenchmark.TriadProbe triad;

    /** The matrix to multiply, built from the subclass's {@code @Param} fields. */
    abstract CsrMatrix buildMatrix();

    @Setup(Level.Trial)
    public void setUp() {
        matrix = buildMatrix();
        x = new double[matrix.columns()];
        y = new double[matrix.rows()];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.0 + 1e-3 * (i % 97);
        }
        parallel = new ParallelSpmv(matrix);
        serial = new ParallelSpmv(matrix, 1);
        triad = new SpmvBenchmark.TriadProbe(BenchmarkMatrices.spmvBytes(matrix));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        parallel.close();
        serial.close();
        triad.close();
    }

    /** {@code ParallelSpmv} on one thread: the tuned kernel, no hand-over. */
    @Benchmark
    public double[] spmvSerial() {
        serial.multiply(matrix, x, y);
        return y;
    }

    @Benchmark
    public double[] spmvParallel() {
        parallel.multiply(matrix, x, y);
        return y;
    }

    @Benchmark
    public double[] triadSerial() {
        return triad.serial();
    }
}
