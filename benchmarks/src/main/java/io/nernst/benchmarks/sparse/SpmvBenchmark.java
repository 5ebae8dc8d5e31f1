package io.nernst.benchmarks.sparse;

import io.nernst.solvers.sparse.CsrMatrix;
import io.nernst.solvers.sparse.WorkerTeam;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * CSR SpMV on 2D 5-point Laplacians next to a STREAM-triad probe a[i] = b[i] + s c[i] that moves
 * the same number of bytes, so that time(triad) / time(SpMV) is directly the fraction of the
 * triad bandwidth the SpMV attains. SpMV bytes = 12 per nonzero + 16 per row; triad bytes = 24 per
 * element; the triad length is chosen to make the two equal. Serial and parallel variants (all
 * available processors, nonzero-balanced chunks claimed dynamically; the parallel triad uses the
 * same scheduler). Setup and the serial/parallel SpMV and serial triad benchmarks are in
 * {@link AbstractSpmvBenchmark}.
 */
public class SpmvBenchmark extends AbstractSpmvBenchmark {
    /** Grid side k of the k x k Laplacian (k^2 rows, about 5 k^2 nonzeros). */
    @Param({"64", "128", "256", "512", "1024"})
    public int grid;

    @Override
    CsrMatrix buildMatrix() {
        return BenchmarkMatrices.laplacian2D(grid);
    }

    /** The plain loop of {@code CsrMatrix.multiply}, for reference. */
    @Benchmark
    public double[] spmvCsrMultiply() {
        matrix.multiply(x, y);
        return y;
    }

    @Benchmark
    public double[] triadParallel() {
        return triad.parallel();
    }

    /** STREAM triad over arrays sized to move a given number of bytes per call. */
    static final class TriadProbe {
        private static final double SCALAR = 3.0;
        final double[] a;
        final double[] b;
        final double[] c;
        private final WorkerTeam team;
        private final int[] chunkStart;
        private final WorkerTeam.Task task = this::chunk;

        TriadProbe(long bytes) {
            int length = (int) (bytes / 24);
            a = new double[length];
            b = new double[length];
            c = new double[length];
            for (int i = 0; i < length; i++) {
                b[i] = 1.0 + 1e-3 * (i % 89);
                c[i] = 2.0 - 1e-3 * (i % 83);
            }
            team = new WorkerTeam(Runtime.getRuntime().availableProcessors());
            // Same scheduling as ParallelSpmv: a few dynamically claimed chunks per thread.
            // Chunks of at least 16384 elements (393 kB), as ParallelSpmv keeps small products serial.
            int chunks = (int) Math.max(1, Math.min(8L * team.size(), length / 16384));
            chunkStart = new int[chunks + 1];
            for (int t = 0; t <= chunks; t++) {
                chunkStart[t] = (int) ((long) length * t / chunks);
            }
        }

        double[] serial() {
            final double[] aa = a;
            final double[] bb = b;
            final double[] cc = c;
            for (int i = 0; i < aa.length; i++) {
                aa[i] = bb[i] + SCALAR * cc[i];
            }
            return aa;
        }

        double[] parallel() {
            team.run(chunkStart.length - 1, task);
            return a;
        }

        private void chunk(int part) {
            final double[] aa = a;
            final double[] bb = b;
            final double[] cc = c;
            for (int i = chunkStart[part], end = chunkStart[part + 1]; i < end; i++) {
                aa[i] = bb[i] + SCALAR * cc[i];
            }
        }

        void close() {
            team.close();
        }
    }
}
