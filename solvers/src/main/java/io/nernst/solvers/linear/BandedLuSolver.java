package io.nernst.solvers.linear;

import io.nernst.solvers.ordering.AdjacencyGraph;
import io.nernst.solvers.ordering.Permutations;
import io.nernst.solvers.ordering.ReverseCuthillMcKee;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Arrays;

/**
 * LU factorisation with partial pivoting of a band matrix, for the block-tridiagonal systems
 * of 1D-in-space problems.
 *
 * <p>Storage and algorithm follow LAPACK's {@code dgbtrf}/{@code dgbtrs} scheme (Anderson et
 * al., LAPACK Users' Guide, 3rd ed., 1999, sec. 5.3.3; Golub &amp; Van Loan, Matrix
 * Computations, 4th ed., sec. 4.3.5): with lower bandwidth kl and upper bandwidth ku the
 * matrix is held column-major in {@code ld = 2 kl + ku + 1} rows per column, entry (i, j) at
 * {@code band[j * ld + kl + ku + i - j]}. The top kl rows start empty and receive the fill of
 * U caused by row interchanges (U then has upper bandwidth kl + ku). Each column step finds
 * the largest of at most kl + 1 candidates, swaps two rows over the columns the swap can
 * reach, scales the multipliers and applies a rank-one update to at most kl + ku columns, all
 * on contiguous memory. Cost O(n kl (kl + ku)), storage n (2 kl + ku + 1).
 *
 * <p>{@link #analyse} optionally applies a symmetric reverse Cuthill-McKee permutation first
 * (see {@link Ordering}); kl and ku are then read off the permuted pattern. {@link #factor}
 * and {@link #solve} allocate nothing.
 */
public final class BandedLuSolver implements LinearSolver {

    /** How {@link #analyse} numbers the unknowns before measuring the band. */
    public enum Ordering {
        /** Keep the caller's numbering (best when unknowns are already interleaved point by point). */
        NATURAL,
        /** Symmetric reverse Cuthill-McKee permutation of A + A^T. */
        REVERSE_CUTHILL_MCKEE,
        /** Whichever of the two needs fewer operations, kl (kl + ku), per column. */
        SMALLER_BAND
    }

    /**
     * Pivots at or below this fraction of the largest entry of their (permuted) input column
     * are treated as zero: such a column is dependent on earlier ones to working precision.
     */
    private static final double SINGULAR_RELATIVE = 1e-14;

    private final Ordering ordering;
    private CsrMatrix analysedPattern;
    private int n;
    private int lowerBandwidth;
    private int upperBandwidth;
    private int leadingDimension;
    /** Original index of the unknown placed at position k (new-to-old). */
    private int[] order;
    /** Position in band storage of each CSR slot of the analysed pattern. */
    private int[] slotToBand;
    private double[] band;
    private int[] pivotRow;
    private double[] columnScale;
    private double[] work;
    private boolean factored;

    /** A solver choosing the cheaper of the natural and the RCM numbering. */
    public BandedLuSolver() {
        this(Ordering.SMALLER_BAND);
    }

    /** A solver with the given pre-ordering. */
    public BandedLuSolver(Ordering ordering) {
        if (ordering == null) {
            throw new IllegalArgumentException("ordering must be one of " + Arrays.toString(Ordering.values()) + ", got null");
        }
        this.ordering = ordering;
    }

    @Override
    public void analyse(CsrMatrix pattern) {
        if (pattern.rows() != pattern.columns()) {
            throw new IllegalArgumentException("matrix must be square, got " + pattern.rows() + " x " + pattern.columns());
        }
        factored = false;
        analysedPattern = null;
        StructuralChecks.requireNoEmptyRowOrColumn(pattern);
        n = pattern.rows();
        int[] natural = Permutations.identity(n);
        int[] chosen;
        switch (ordering) {
            case NATURAL:
                chosen = natural;
                break;
            case REVERSE_CUTHILL_MCKEE:
                chosen = ReverseCuthillMcKee.order(AdjacencyGraph.of(pattern));
                break;
            default: {
                int[] rcm = ReverseCuthillMcKee.order(AdjacencyGraph.of(pattern));
                chosen = bandWork(pattern, rcm) < bandWork(pattern, natural) ? rcm : natural;
                break;
            }
        }
        order = chosen;
        int[] position = Permutations.inverse(order);
        int[] bandwidths = bandwidths(pattern, position);
        lowerBandwidth = bandwidths[0];
        upperBandwidth = bandwidths[1];
        leadingDimension = 2 * lowerBandwidth + upperBandwidth + 1;
        long storage = (long) leadingDimension * n;
        if (storage > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("band storage of " + storage + " entries (n = " + n + ", kl = "
                    + lowerBandwidth + ", ku = " + upperBandwidth + ") exceeds the largest Java array; use a sparse solver");
        }
        band = new double[(int) storage];
        int diagonalRow = lowerBandwidth + upperBandwidth;
        int[] rs = pattern.rowStart();
        int[] ci = pattern.columnIndex();
        slotToBand = new int[pattern.nonZeros()];
        for (int r = 0; r < n; r++) {
            int i = position[r];
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                int j = position[ci[p]];
                slotToBand[p] = j * leadingDimension + diagonalRow + i - j;
            }
        }
        pivotRow = new int[n];
        columnScale = new double[n];
        work = new double[n];
        analysedPattern = pattern;
    }

    /** Lower bandwidth kl found by the last {@link #analyse}. */
    public int lowerBandwidth() {
        return lowerBandwidth;
    }

    /** Upper bandwidth ku found by the last {@link #analyse} (U has bandwidth kl + ku after pivoting). */
    public int upperBandwidth() {
        return upperBandwidth;
    }

    /** The unknown numbering chosen by {@link #analyse}, new-to-old (a copy). */
    public int[] order() {
        return order.clone();
    }

    @Override
    public void factor(CsrMatrix a) {
        if (analysedPattern == null) {
            throw new IllegalStateException("analyse must be called before factor");
        }
        if (a.rows() != n || a.columns() != n) {
            throw new IllegalArgumentException("matrix is " + a.rows() + " x " + a.columns() + " but the analysed pattern is "
                    + n + " x " + n);
        }
        if (!a.samePattern(analysedPattern)) {
            throw new IllegalArgumentException("matrix pattern differs from the analysed pattern");
        }
        factored = false;
        final double[] ab = band;
        final int ld = leadingDimension;
        final int kl = lowerBandwidth;
        final int ku = upperBandwidth;
        final int kv = kl + ku;
        Arrays.fill(ab, 0.0);
        Arrays.fill(columnScale, 0.0);
        int[] rs = a.rowStart();
        int[] ci = a.columnIndex();
        double[] v = a.values();
        for (int r = 0; r < n; r++) {
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                double value = v[p];
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("matrix entry (row " + r + ", column " + ci[p] + ") is " + value);
                }
                int slot = slotToBand[p];
                ab[slot] = value;
                int j = slot / ld;
                double m = Math.abs(value);
                if (m > columnScale[j]) {
                    columnScale[j] = m;
                }
            }
        }

        // ju: last column reached by the row interchanges made so far.
        int ju = 0;
        for (int j = 0; j < n; j++) {
            int diagonal = j * ld + kv;
            int km = Math.min(kl, n - 1 - j);
            int jp = 0;
            double best = Math.abs(ab[diagonal]);
            for (int i = 1; i <= km; i++) {
                double m = Math.abs(ab[diagonal + i]);
                if (m > best) {
                    best = m;
                    jp = i;
                }
            }
            pivotRow[j] = j + jp;
            if (!(best > SINGULAR_RELATIVE * columnScale[j])) {
                int column = order[j];
                throw new SingularMatrixException("matrix is numerically singular: no acceptable pivot in column " + column
                        + " (largest candidate " + best + ", largest input entry of the column " + columnScale[j] + ")", column);
            }
            ju = Math.max(ju, Math.min(j + ku + jp, n - 1));
            if (jp != 0) {
                // Swap rows j and j + jp in columns j..ju; in band storage both sit in the same column slab.
                for (int c = j, idx = diagonal; c <= ju; c++, idx += ld - 1) {
                    double t = ab[idx];
                    ab[idx] = ab[idx + jp];
                    ab[idx + jp] = t;
                }
            }
            double inversePivot = 1.0 / ab[diagonal];
            for (int i = 1; i <= km; i++) {
                ab[diagonal + i] *= inversePivot;
            }
            // Rank-one update of rows j+1..j+km in columns j+1..ju; (j, c) is at c*ld + kv + j - c.
            for (int c = j + 1, rowJ = diagonal + ld - 1; c <= ju; c++, rowJ += ld - 1) {
                double u = ab[rowJ];
                if (u != 0.0) {
                    for (int i = 1; i <= km; i++) {
                        ab[rowJ + i] -= ab[diagonal + i] * u;
                    }
                }
            }
        }
        factored = true;
    }

    @Override
    public void solve(double[] rhs, double[] solution) {
        if (!factored) {
            throw new IllegalStateException("factor must succeed before solve");
        }
        if (rhs.length < n || solution.length < n) {
            throw new IllegalArgumentException("right-hand side and solution need length " + n + ", got " + rhs.length
                    + " and " + solution.length);
        }
        final double[] ab = band;
        final double[] y = work;
        final int ld = leadingDimension;
        final int kl = lowerBandwidth;
        final int kv = kl + upperBandwidth;
        for (int k = 0; k < n; k++) {
            y[k] = rhs[order[k]];
        }
        // L y = P b, with the interchanges applied as they occurred.
        for (int j = 0; j < n; j++) {
            int l = pivotRow[j];
            double yj = y[l];
            if (l != j) {
                y[l] = y[j];
                y[j] = yj;
            }
            if (yj != 0.0) {
                int km = Math.min(kl, n - 1 - j);
                int diagonal = j * ld + kv;
                for (int i = 1; i <= km; i++) {
                    y[j + i] -= ab[diagonal + i] * yj;
                }
            }
        }
        // U x = y, column by column; column j of U holds rows max(0, j - kv)..j.
        for (int j = n - 1; j >= 0; j--) {
            int diagonal = j * ld + kv;
            double yj = y[j] / ab[diagonal];
            y[j] = yj;
            if (yj != 0.0) {
                int top = Math.max(0, j - kv);
                for (int i = top, idx = diagonal - (j - top); i < j; i++, idx++) {
                    y[i] -= ab[idx] * yj;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            solution[order[k]] = y[k];
        }
    }

    @Override
    public String name() {
        return "banded-lu";
    }

    /** {kl, ku} of the pattern under the given old-to-new positions. */
    private static int[] bandwidths(CsrMatrix pattern, int[] position) {
        int kl = 0;
        int ku = 0;
        int[] rs = pattern.rowStart();
        int[] ci = pattern.columnIndex();
        for (int r = 0; r < pattern.rows(); r++) {
            int i = position[r];
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                int d = i - position[ci[p]];
                if (d > kl) {
                    kl = d;
                } else if (-d > ku) {
                    ku = -d;
                }
            }
        }
        return new int[] {kl, ku};
    }

    /** Operations per column of the banded factorisation, kl (kl + ku), plus storage as a tie-break. */
    private static double bandWork(CsrMatrix pattern, int[] order) {
        int[] b = bandwidths(pattern, Permutations.inverse(order));
        return (double) b[0] * (b[0] + b[1]) + 1e-3 * (2 * b[0] + b[1] + 1);
    }
}
