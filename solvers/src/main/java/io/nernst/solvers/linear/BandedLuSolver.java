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
 * <p>Speed: narrow bands make every loop short, so loop overhead rather than arithmetic is
 * the cost. The rank-one update holds four multipliers at a time in locals (register
 * blocking, about twice as fast as the plain double loop for kl = 4), pivots are stored
 * inverted so solves multiply, and the triangular solves keep the values the next step
 * needs in locals instead of a store/load round trip.
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
     * Pivots at or below this fraction of the largest entry of the matrix count as zero (as in
     * {@link DenseLuSolver}): the column is then a combination of earlier ones to working
     * precision. The scale comes free with the finiteness check of the values.
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
    /** 1 / u_jj, so that solves multiply instead of divide. */
    private double[] inversePivot;
    private double[] band;
    private int[] pivotRow;
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
        order = chooseOrder(pattern);
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
        inversePivot = new double[n];
        pivotRow = new int[n];
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
        LinearSolverChecks.requireAnalysedPattern(analysedPattern, n, a);
        factored = false;
        final double[] ab = band;
        final int ld = leadingDimension;
        final int kl = lowerBandwidth;
        final int ku = upperBandwidth;
        final int kv = kl + ku;
        Arrays.fill(ab, 0.0);
        final double[] v = a.values();
        final int[] toBand = slotToBand;
        double scale = 0.0;
        for (int p = 0, nnz = toBand.length; p < nnz; p++) {
            double value = v[p];
            double m = Math.abs(value);
            if (!(m <= scale)) {
                if (!(m <= Double.MAX_VALUE)) {
                    throw nonFinite(a, p);
                }
                scale = m;
            }
            ab[toBand[p]] = value;
        }
        final double negligible = SINGULAR_RELATIVE * scale;
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
            if (!(best > negligible)) {
                throw singular(j, best, scale);
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
            double inverse = 1.0 / ab[diagonal];
            inversePivot[j] = inverse;
            scaleAndUpdate(ab, diagonal, km, ju - j, ld, inverse);
        }
        factored = true;
    }

    @Override
    public void solve(double[] rhs, double[] solution) {
        LinearSolverChecks.requireSolvable(factored, n, rhs, solution);
        final double[] ab = band;
        final double[] y = work;
        final int ld = leadingDimension;
        final int kl = lowerBandwidth;
        final int kv = kl + upperBandwidth;
        if (kl <= 4) {
            forwardNarrow(ab, rhs, y, ld, kl, kv);
        } else {
            for (int k = 0; k < n; k++) {
                y[k] = rhs[order[k]];
            }
            forwardGeneral(ab, y, ld, kl, kv);
        }
        backward(ab, y, ld, kv, solution);
    }

    /**
     * L y = P b for kl &lt;= 4, with the interchanges applied as they occurred. The forward
     * substitution is a recurrence: step j needs y[j..j+4] as updated by the steps before. Here
     * they live in five locals sliding down by one per step, so no step waits for a value to
     * make a round trip through memory; b at position j+5 enters straight from the caller's
     * array (no earlier step reaches it when kl &lt;= 4), so P b is never gathered separately.
     */
    private void forwardNarrow(double[] ab, double[] rhs, double[] y, int ld, int kl, int kv) {
        final int[] o = order;
        double w0 = rhs[o[0]];
        double w1 = n > 1 ? rhs[o[1]] : 0.0;
        double w2 = n > 2 ? rhs[o[2]] : 0.0;
        double w3 = n > 3 ? rhs[o[3]] : 0.0;
        double w4 = n > 4 ? rhs[o[4]] : 0.0;
        for (int j = 0; j < n; j++) {
            int jp = pivotRow[j] - j;
            if (jp != 0) {
                double t = w0;
                switch (jp) {
                    case 1:
                        w0 = w1;
                        w1 = t;
                        break;
                    case 2:
                        w0 = w2;
                        w2 = t;
                        break;
                    case 3:
                        w0 = w3;
                        w3 = t;
                        break;
                    default:
                        w0 = w4;
                        w4 = t;
                        break;
                }
            }
            double yj = w0;
            y[j] = yj;
            int km = Math.min(kl, n - 1 - j);
            int d = j * ld + kv;
            // Multipliers beyond km lie outside the band (or the matrix): zero.
            double l1 = km >= 1 ? ab[d + 1] : 0.0;
            double l2 = km >= 2 ? ab[d + 2] : 0.0;
            double l3 = km >= 3 ? ab[d + 3] : 0.0;
            double l4 = km >= 4 ? ab[d + 4] : 0.0;
            w0 = w1 - l1 * yj;
            w1 = w2 - l2 * yj;
            w2 = w3 - l3 * yj;
            w3 = w4 - l4 * yj;
            w4 = j + 5 < n ? rhs[o[j + 5]] : 0.0;
        }
    }

    /** L y = P b for any kl, column by column, the next diagonal value carried in a register. */
    private void forwardGeneral(double[] ab, double[] y, int ld, int kl, int kv) {
        double carry = y[0];
        for (int j = 0; j < n; j++) {
            int l = pivotRow[j];
            double yj;
            if (l != j) {
                yj = y[l];
                y[l] = carry;
            } else {
                yj = carry;
            }
            y[j] = yj;
            int km = Math.min(kl, n - 1 - j);
            int diagonal = j * ld + kv;
            if (km > 0) {
                carry = y[j + 1] - ab[diagonal + 1] * yj;
                for (int i = 2; i <= km; i++) {
                    y[j + i] -= ab[diagonal + i] * yj;
                }
            } else if (j + 1 < n) {
                carry = y[j + 1];
            }
        }
    }

    /**
     * U x = y by rows (dot products): x_i = (y_i - sum_t U(i, i+t) x_{i+t}) / u_ii with
     * U(i, i+t) at (i+t) ld + kv - t. The terms t &gt;= 2 use values finished at least two rows
     * earlier, so only the t = 1 term, with x_{i+1} kept in a register, lies on the chain from
     * row to row. The finished value goes straight to its original position as well.
     */
    private void backward(double[] ab, double[] y, int ld, int kv, double[] solution) {
        final int step = ld - 1;
        double next = 0.0;
        for (int i = n - 1; i >= 0; i--) {
            int count = Math.min(kv, n - 1 - i);
            int first = i * ld + kv + step; // U(i, i+1)
            double partial = y[i];
            for (int t = 2, idx = first + step; t <= count; t++, idx += step) {
                partial -= ab[idx] * y[i + t];
            }
            if (count >= 1) {
                partial -= ab[first] * next;
            }
            double xi = partial * inversePivot[i];
            y[i] = xi;
            solution[order[i]] = xi;
            next = xi;
        }
    }

    @Override
    public String name() {
        return "banded-lu";
    }

    /**
     * Forms the multipliers L(j+i, j) = A(j+i, j) / u_jj, i = 1..km (stored below the diagonal
     * at {@code diagonal + i}), and subtracts L(j+1..j+km, j) U(j, c) from rows j+1..j+km of
     * columns c = j+1..j+width, where (j, c) for c = j + t lies at {@code diagonal + t (ld - 1)}.
     * Rows are taken four (then two, then one) at a time with their multipliers held in locals
     * (computed there, so the scaling costs no extra pass): with the short columns of a narrow
     * band this register blocking halves the time of the plain double loop.
     */
    private static void scaleAndUpdate(double[] ab, int diagonal, int km, int width, int ld, double inverse) {
        final int step = ld - 1;
        int i0 = 1;
        for (; i0 + 3 <= km; i0 += 4) {
            int b = diagonal + i0;
            double l1 = ab[b] * inverse;
            double l2 = ab[b + 1] * inverse;
            double l3 = ab[b + 2] * inverse;
            double l4 = ab[b + 3] * inverse;
            ab[b] = l1;
            ab[b + 1] = l2;
            ab[b + 2] = l3;
            ab[b + 3] = l4;
            for (int t = 1, r = b + step; t <= width; t++, r += step) {
                double u = ab[r - i0];
                ab[r] -= l1 * u;
                ab[r + 1] -= l2 * u;
                ab[r + 2] -= l3 * u;
                ab[r + 3] -= l4 * u;
            }
        }
        if (i0 + 1 <= km) {
            int b = diagonal + i0;
            double l1 = ab[b] * inverse;
            double l2 = ab[b + 1] * inverse;
            ab[b] = l1;
            ab[b + 1] = l2;
            for (int t = 1, r = b + step; t <= width; t++, r += step) {
                double u = ab[r - i0];
                ab[r] -= l1 * u;
                ab[r + 1] -= l2 * u;
            }
            i0 += 2;
        }
        if (i0 <= km) {
            int b = diagonal + i0;
            double l1 = ab[b] * inverse;
            ab[b] = l1;
            for (int t = 1, r = b + step; t <= width; t++, r += step) {
                ab[r] -= l1 * ab[r - i0];
            }
        }
    }

    private SingularMatrixException singular(int j, double best, double scale) {
        int column = order[j];
        return new SingularMatrixException("matrix is numerically singular: no acceptable pivot in column " + column
                + " (largest candidate " + best + ", largest matrix entry " + scale
                + "; pivots at or below 1e-14 of it count as zero)", column);
    }

    private static IllegalArgumentException nonFinite(CsrMatrix a, int slot) {
        int[] rs = a.rowStart();
        // Row of the slot: last r with rowStart[r] <= slot.
        int lo = 0;
        int hi = a.rows() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (rs[mid] <= slot) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new IllegalArgumentException("matrix entry (row " + lo + ", column " + a.columnIndex()[slot] + ") is "
                + a.values()[slot]);
    }

    /** {kl, ku} of the pattern under the given old-to-new positions. */
    /** The numbering of this solver's ordering for a pattern. */
    private int[] chooseOrder(CsrMatrix pattern) {
        int[] natural = Permutations.identity(pattern.rows());
        switch (ordering) {
            case NATURAL:
                return natural;
            case REVERSE_CUTHILL_MCKEE:
                return ReverseCuthillMcKee.order(AdjacencyGraph.of(pattern));
            default: {
                int[] rcm = ReverseCuthillMcKee.order(AdjacencyGraph.of(pattern));
                return bandWork(pattern, rcm) < bandWork(pattern, natural) ? rcm : natural;
            }
        }
    }

    /**
     * The lower and upper bandwidths {kl, ku} that {@link #analyse} would find for a square
     * pattern, without allocating the band (for cost and memory estimates: the band of a large
     * system may not fit in memory, and an estimate must not try).
     *
     * @throws IllegalArgumentException for a non-square pattern or an empty row or column
     */
    public int[] bandwidthsOf(CsrMatrix pattern) {
        if (pattern.rows() != pattern.columns()) {
            throw new IllegalArgumentException("matrix must be square, got " + pattern.rows() + " x " + pattern.columns());
        }
        StructuralChecks.requireNoEmptyRowOrColumn(pattern);
        return bandwidths(pattern, Permutations.inverse(chooseOrder(pattern)));
    }

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
