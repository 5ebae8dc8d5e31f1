package io.nernst.benchmarks.sparse;

import io.nernst.solvers.sparse.CsrMatrix;
import org.openjdk.jmh.annotations.Param;

/**
 * CSR SpMV on 1D block-banded Jacobian-like matrices (4 coupled fields per point, see
 * {@link BenchmarkMatrices#cellLike1D}), serial and parallel, with the same-bytes triad probe of
 * {@link SpmvBenchmark} (benchmarks inherited from {@link AbstractSpmvBenchmark}).
 */
public class BlockBandedSpmvBenchmark extends AbstractSpmvBenchmark {
    /** Grid points; unknowns = 4 x points. */
    @Param({"256", "262144"})
    public int points;

    @Override
    CsrMatrix buildMatrix() {
        return BenchmarkMatrices.cellLike1D(points, 7L);
    }
}
