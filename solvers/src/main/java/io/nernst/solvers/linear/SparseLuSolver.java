package io.nernst.solvers.linear;

import io.nernst.solvers.ordering.AdjacencyGraph;
import io.nernst.solvers.ordering.FillReducingOrdering;
import io.nernst.solvers.ordering.MaximumTransversal;
import io.nernst.solvers.ordering.SymbolicCholesky;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Arrays;

/**
 * General sparse LU factorisation P A Q = L U with a fill-reducing column ordering Q and
 * threshold partial pivoting P, for unsymmetric sparse Jacobians.
 *
 * <p><b>Analysis</b> ({@link #analyse}). Empty rows or columns, then a maximum transversal
 * (Duff 1981, {@link MaximumTransversal}) detect structural singularity and name the row or
 * column. The transversal also fixes a <em>preferred</em> pivot row for every column (the
 * diagonal whenever it is structurally nonzero). The columns are ordered by a symmetric
 * fill-reducing ordering of the pattern of B + B^T, B = A with rows renumbered by the
 * transversal: approximate minimum degree by default (Amestoy, Davis &amp; Duff 1996), or
 * reverse Cuthill-McKee, or natural.
 *
 * <p><b>First factorisation</b>. Left-looking column LU after Gilbert &amp; Peierls,
 * "Sparse partial pivoting in time proportional to arithmetic operations", SIAM J. Sci.
 * Stat. Comput. 9(5), 1988 (see also Davis 2006, ch. 6): column k solves L x = A(:, q_k)
 * over the nonzero pattern of x, found beforehand as the set reachable from the pattern of
 * A(:, q_k) in the graph of L by a depth-first search that also yields a topological order.
 * The pivot is the preferred row if its magnitude is at least {@code pivotThreshold} times the
 * largest candidate, else the largest candidate (threshold partial pivoting, Duff, Erisman &amp;
 * Reid, Direct Methods for Sparse Matrices, 1986, sec. 5.4). Preferring the diagonal keeps the
 * factor close to the symbolic prediction of the ordering.
 *
 * <p><b>Later factorisations</b> of the same pattern reuse the pivot sequence and the patterns
 * of L and U (including the topological orders), so they do pure arithmetic: no search, no
 * allocation. Each reused pivot must still pass the threshold test with
 * {@code reuseThreshold}; if one fails, the factorisation restarts with fresh pivoting (the
 * only case in which {@link #factor} may allocate, to grow L or U).
 *
 * <p>Numerical singularity: a column whose candidates are all at most 1e-14 times its largest
 * input entry. Non-finite entries are detected while the columns are scattered, at no extra
 * pass over the values.
 */
public final class SparseLuSolver implements LinearSolver {
    /** Default threshold of the pivot test |a_pivot| &gt;= threshold * max |candidate|. */
    public static final double DEFAULT_PIVOT_THRESHOLD = 0.1;
    private static final double SINGULAR_RELATIVE = 1e-14;

    private final FillReducingOrdering ordering;
    private final double pivotThreshold;
    private final double reuseThreshold;

    // ---- analysis
    private CsrMatrix analysedPattern;
    private int n;
    /** Step k factors original column columnOrder[k]. */
    private int[] columnOrder;
    /** Preferred pivot row of each original column (from the maximum transversal). */
    private int[] preferredRow;
    /** Column view of the pattern: rows cscRow[colStart[j]..colStart[j+1]) of column j, CSR slot cscSlot[.]. */
    private int[] colStart;
    private int[] cscRow;
    private int[] cscSlot;

    // ---- factors; L unit lower (diagonal implicit), U strictly upper plus uDiagonal, both by column (step)
    private int[] lStart;
    private int[] lIndex;
    private double[] lValue;
    private int[] uStart;
    private int[] uIndex;
    private double[] uValue;
    private double[] uDiagonal;
    private double[] uInverseDiagonal;
    private int[] rowOfStep;
    private int[] stepOfRow;
    /** Step of the row of each column-view entry under the current pivot sequence. */
    private int[] cscStep;
    private boolean haveSequence;
    private boolean factored;

    // ---- workspace
    private double[] x;
    private int[] reach;
    private int[] dfsStack;
    private int[] dfsPointer;
    private int[] mark;
    private int markStamp;
    private double[] y;

    private long freshFactorizations;
    private long reusedFactorizations;

    /** AMD ordering, pivot threshold 0.1, reuse threshold 0.1. */
    public SparseLuSolver() {
        this(FillReducingOrdering.APPROXIMATE_MINIMUM_DEGREE);
    }

    /** The given ordering with the default thresholds. */
    public SparseLuSolver(FillReducingOrdering ordering) {
        this(ordering, DEFAULT_PIVOT_THRESHOLD, DEFAULT_PIVOT_THRESHOLD);
    }

    /**
     * @param ordering       column ordering applied in {@link #analyse}
     * @param pivotThreshold in (0, 1]: the preferred (diagonal) pivot is kept when at least this
     *                       fraction of the largest candidate; 1 gives classical partial pivoting
     * @param reuseThreshold in (0, 1]: the same test applied to reused pivots; a failure triggers a
     *                       fresh factorisation. Equal to pivotThreshold keeps the stability
     *                       guarantee of a fresh factorisation.
     */
    public SparseLuSolver(FillReducingOrdering ordering, double pivotThreshold, double reuseThreshold) {
        if (ordering == null) {
            throw new IllegalArgumentException("ordering must be one of " + Arrays.toString(FillReducingOrdering.values()) + ", got null");
        }
        if (!(pivotThreshold > 0.0 && pivotThreshold <= 1.0)) {
            throw new IllegalArgumentException("pivotThreshold must lie in (0, 1], got " + pivotThreshold);
        }
        if (!(reuseThreshold > 0.0 && reuseThreshold <= 1.0)) {
            throw new IllegalArgumentException("reuseThreshold must lie in (0, 1], got " + reuseThreshold);
        }
        this.ordering = ordering;
        this.pivotThreshold = pivotThreshold;
        this.reuseThreshold = reuseThreshold;
    }

    @Override
    public void analyse(CsrMatrix pattern) {
        if (pattern.rows() != pattern.columns()) {
            throw new IllegalArgumentException("matrix must be square, got " + pattern.rows() + " x " + pattern.columns());
        }
        analysedPattern = null;
        factored = false;
        haveSequence = false;
        StructuralChecks.requireNoEmptyRowOrColumn(pattern);
        n = pattern.rows();
        MaximumTransversal transversal = MaximumTransversal.of(pattern);
        if (transversal.structuralRank() < n) {
            int column = transversal.firstUnmatchedColumn();
            throw new SingularMatrixException("matrix is structurally singular (structural rank "
                    + transversal.structuralRank() + " of " + n + "): column " + column
                    + " cannot be given a pivot row of its own (row " + transversal.firstUnmatchedRow()
                    + " is left without a column)", column);
        }
        preferredRow = transversal.rowOfEveryColumn();
        AdjacencyGraph graph = AdjacencyGraph.symmetrized(pattern, transversal.columnOfEveryRow());
        columnOrder = ordering.order(graph);
        buildColumnView(pattern);

        // L ⊆ L_chol(B + B^T) and U ⊆ L_chol^T when the preferred pivots are taken; start there.
        long cholesky = SymbolicCholesky.factorNonZeros(graph, columnOrder) - n;
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, cholesky + n);
        lStart = new int[n + 1];
        uStart = new int[n + 1];
        lIndex = new int[capacity];
        lValue = new double[capacity];
        uIndex = new int[capacity];
        uValue = new double[capacity];
        uDiagonal = new double[n];
        uInverseDiagonal = new double[n];
        rowOfStep = new int[n];
        stepOfRow = new int[n];
        x = new double[n];
        y = new double[n];
        reach = new int[n];
        dfsStack = new int[n];
        dfsPointer = new int[n];
        mark = new int[n];
        markStamp = 0;
        analysedPattern = pattern;
    }

    private void buildColumnView(CsrMatrix pattern) {
        int[] rs = pattern.rowStart();
        int[] ci = pattern.columnIndex();
        int nnz = pattern.nonZeros();
        colStart = new int[n + 1];
        for (int p = 0; p < nnz; p++) {
            colStart[ci[p] + 1]++;
        }
        for (int j = 0; j < n; j++) {
            colStart[j + 1] += colStart[j];
        }
        cscRow = new int[nnz];
        cscSlot = new int[nnz];
        cscStep = new int[nnz];
        int[] fill = Arrays.copyOf(colStart, n);
        for (int r = 0; r < n; r++) {
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                int q = fill[ci[p]]++;
                cscRow[q] = r;
                cscSlot[q] = p;
            }
        }
    }

    @Override
    public void factor(CsrMatrix a) {
        LinearSolverChecks.requireAnalysedPattern(analysedPattern, n, a);
        factored = false;
        double[] v = a.values();
        if (haveSequence && refactor(v)) {
            reusedFactorizations++;
            factored = true;
            return;
        }
        haveSequence = false;
        Arrays.fill(x, 0.0);
        try {
            factorWithPivoting(v);
        } catch (RuntimeException e) {
            Arrays.fill(x, 0.0);
            throw e;
        }
        haveSequence = true;
        freshFactorizations++;
        factored = true;
    }

    /**
     * Gilbert-Peierls left-looking LU with threshold partial pivoting. x is indexed by original
     * row; L row indices are original rows until the final renumbering to steps.
     */
    private void factorWithPivoting(double[] v) {
        Arrays.fill(stepOfRow, -1);
        int lnz = 0;
        int unz = 0;
        for (int k = 0; k < n; k++) {
            int j = columnOrder[k];
            lStart[k] = lnz;
            uStart[k] = unz;
            if (lnz + n > lIndex.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * lIndex.length, (long) lnz + n));
                lIndex = Arrays.copyOf(lIndex, grown);
                lValue = Arrays.copyOf(lValue, grown);
            }
            if (unz + n > uIndex.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * uIndex.length, (long) unz + n));
                uIndex = Arrays.copyOf(uIndex, grown);
                uValue = Arrays.copyOf(uValue, grown);
            }
            int top = reach(j);
            double columnScale = 0.0;
            for (int q = colStart[j], end = colStart[j + 1]; q < end; q++) {
                double value = v[cscSlot[q]];
                double m = Math.abs(value);
                if (!(m <= columnScale)) {
                    if (!(m <= Double.MAX_VALUE)) {
                        throw nonFinite(q, j, value);
                    }
                    columnScale = m;
                }
                x[cscRow[q]] = value;
            }
            // Sparse triangular solve in topological order; pivotal rows give U(:, k).
            final int[] li = lIndex;
            final double[] lv = lValue;
            for (int t = top; t < n; t++) {
                int i = reach[t];
                int s = stepOfRow[i];
                if (s < 0) {
                    continue;
                }
                double xi = x[i];
                uIndex[unz] = s;
                uValue[unz] = xi;
                unz++;
                if (xi != 0.0) {
                    for (int p = lStart[s], end = lStart[s + 1]; p < end; p++) {
                        x[li[p]] -= lv[p] * xi;
                    }
                }
            }
            // Threshold partial pivoting among the rows not yet pivotal.
            double largest = 0.0;
            int largestRow = -1;
            for (int t = top; t < n; t++) {
                int i = reach[t];
                if (stepOfRow[i] < 0) {
                    double m = Math.abs(x[i]);
                    if (largestRow < 0 || m > largest) {
                        largest = m;
                        largestRow = i;
                    }
                }
            }
            if (largestRow < 0 || !(largest > SINGULAR_RELATIVE * columnScale)) {
                throw new SingularMatrixException("matrix is numerically singular: no acceptable pivot in column " + j
                        + " (largest candidate " + largest + ", largest input entry of the column " + columnScale
                        + ", after " + k + " pivots)", j);
            }
            int pivotRow = largestRow;
            int preferred = preferredRow[j];
            if (preferred != largestRow && stepOfRow[preferred] < 0 && mark[preferred] == markStamp
                    && Math.abs(x[preferred]) >= pivotThreshold * largest) {
                pivotRow = preferred;
            }
            double pivot = x[pivotRow];
            uDiagonal[k] = pivot;
            double inverse = 1.0 / pivot;
            uInverseDiagonal[k] = inverse;
            stepOfRow[pivotRow] = k;
            rowOfStep[k] = pivotRow;
            for (int t = top; t < n; t++) {
                int i = reach[t];
                if (stepOfRow[i] < 0) {
                    lIndex[lnz] = i;
                    lValue[lnz] = x[i] * inverse;
                    lnz++;
                }
                x[i] = 0.0;
            }
        }
        lStart[n] = lnz;
        uStart[n] = unz;
        for (int p = 0; p < lnz; p++) {
            lIndex[p] = stepOfRow[lIndex[p]];
        }
        for (int q = 0; q < cscRow.length; q++) {
            cscStep[q] = stepOfRow[cscRow[q]];
        }
    }

    /**
     * Nonzero pattern of L \ A(:, j) in topological order, in reach[top..n): a depth-first
     * search from each row of A(:, j) through the graph of L (row i, pivotal at step s, leads to
     * the rows of L(:, s)); rows finish in postorder, so filling reach from the end gives a
     * topological order.
     */
    private int reach(int j) {
        int stamp = ++markStamp;
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(mark, 0);
            markStamp = 1;
            stamp = 1;
        }
        int top = n;
        for (int q = colStart[j], end = colStart[j + 1]; q < end; q++) {
            int root = cscRow[q];
            if (mark[root] == stamp) {
                continue;
            }
            int head = 0;
            dfsStack[0] = root;
            mark[root] = stamp;
            int rs = stepOfRow[root];
            dfsPointer[0] = rs >= 0 ? lStart[rs] : 0;
            while (head >= 0) {
                int i = dfsStack[head];
                int s = stepOfRow[i];
                boolean descended = false;
                if (s >= 0) {
                    for (int p = dfsPointer[head], end2 = lStart[s + 1]; p < end2; p++) {
                        int c = lIndex[p];
                        if (mark[c] != stamp) {
                            dfsPointer[head] = p + 1;
                            mark[c] = stamp;
                            head++;
                            dfsStack[head] = c;
                            int cs = stepOfRow[c];
                            dfsPointer[head] = cs >= 0 ? lStart[cs] : 0;
                            descended = true;
                            break;
                        }
                    }
                }
                if (!descended) {
                    head--;
                    reach[--top] = i;
                }
            }
        }
        return top;
    }

    /**
     * Numeric factorisation with the previous pivot sequence and patterns; x is indexed by step.
     *
     * @return false (with x cleared) as soon as a pivot fails the reuse test
     */
    private boolean refactor(double[] v) {
        final double[] xs = x;
        final int[] li = lIndex;
        final double[] lv = lValue;
        final int[] ui = uIndex;
        final double[] uv = uValue;
        for (int k = 0; k < n; k++) {
            int j = columnOrder[k];
            double columnScale = 0.0;
            for (int q = colStart[j], end = colStart[j + 1]; q < end; q++) {
                double value = v[cscSlot[q]];
                double m = Math.abs(value);
                if (!(m <= columnScale)) {
                    if (!(m <= Double.MAX_VALUE)) {
                        Arrays.fill(xs, 0.0);
                        throw nonFinite(q, j, value);
                    }
                    columnScale = m;
                }
                xs[cscStep[q]] = value;
            }
            for (int p = uStart[k], end = uStart[k + 1]; p < end; p++) {
                int s = ui[p];
                double value = xs[s];
                xs[s] = 0.0;
                uv[p] = value;
                if (value != 0.0) {
                    for (int q = lStart[s], qEnd = lStart[s + 1]; q < qEnd; q++) {
                        xs[li[q]] -= lv[q] * value;
                    }
                }
            }
            double pivot = xs[k];
            xs[k] = 0.0;
            int lFrom = lStart[k];
            int lTo = lStart[k + 1];
            double largest = 0.0;
            for (int q = lFrom; q < lTo; q++) {
                largest = Math.max(largest, Math.abs(xs[li[q]]));
            }
            double magnitude = Math.abs(pivot);
            if (!(magnitude >= reuseThreshold * largest) || !(magnitude > SINGULAR_RELATIVE * columnScale)) {
                for (int q = lFrom; q < lTo; q++) {
                    xs[li[q]] = 0.0;
                }
                return false;
            }
            uDiagonal[k] = pivot;
            double inverse = 1.0 / pivot;
            uInverseDiagonal[k] = inverse;
            for (int q = lFrom; q < lTo; q++) {
                int i = li[q];
                lv[q] = xs[i] * inverse;
                xs[i] = 0.0;
            }
        }
        return true;
    }

    @Override
    public void solve(double[] rhs, double[] solution) {
        LinearSolverChecks.requireSolvable(factored, n, rhs, solution);
        final double[] w = y;
        final int[] li = lIndex;
        final double[] lv = lValue;
        final int[] ui = uIndex;
        final double[] uv = uValue;
        for (int k = 0; k < n; k++) {
            w[k] = rhs[rowOfStep[k]];
        }
        for (int k = 0; k < n; k++) {
            double wk = w[k];
            if (wk != 0.0) {
                for (int p = lStart[k], end = lStart[k + 1]; p < end; p++) {
                    w[li[p]] -= lv[p] * wk;
                }
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            double wk = w[k] * uInverseDiagonal[k];
            w[k] = wk;
            if (wk != 0.0) {
                for (int p = uStart[k], end = uStart[k + 1]; p < end; p++) {
                    w[ui[p]] -= uv[p] * wk;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            solution[columnOrder[k]] = w[k];
        }
    }

    private IllegalArgumentException nonFinite(int q, int column, double value) {
        return new IllegalArgumentException("matrix entry (row " + cscRow[q] + ", column " + column + ") is " + value);
    }

    @Override
    public String name() {
        return "sparse-lu";
    }

    /** Stored off-diagonal entries of L from the last successful factorisation. */
    public int lowerNonZeros() {
        return factored ? lStart[n] : 0;
    }

    /** Stored entries of U including the diagonal from the last successful factorisation. */
    public int upperNonZeros() {
        return factored ? uStart[n] + n : 0;
    }

    /** Factorisations done with fresh pivoting since construction. */
    public long freshFactorizations() {
        return freshFactorizations;
    }

    /** Factorisations that reused the previous pivot sequence and patterns. */
    public long reusedFactorizations() {
        return reusedFactorizations;
    }

    /** Column order chosen by {@link #analyse}, new-to-old (a copy). */
    public int[] columnOrder() {
        return columnOrder.clone();
    }
}
