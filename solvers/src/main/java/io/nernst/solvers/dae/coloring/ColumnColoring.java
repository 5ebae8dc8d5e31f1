package io.nernst.solvers.dae.coloring;

import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Arrays;

/**
 * Curtis-Powell-Reid column grouping of a sparsity pattern for finite-difference Jacobians
 * (A. R. Curtis, M. J. D. Powell &amp; J. K. Reid, "On the estimation of sparse Jacobian matrices",
 * J. Inst. Math. Appl. 13 (1974) 117-119).
 *
 * <p>Two columns are structurally orthogonal when no row holds a nonzero in both. Columns of one
 * group are pairwise orthogonal, so perturbing all of them at once and evaluating the function
 * once yields every one of their Jacobian columns: each changed row belongs to exactly one
 * perturbed column. The greedy rule of Curtis, Powell and Reid puts each column, in natural order,
 * into the first group with which it is orthogonal; for a matrix of bandwidth (lower l, upper u)
 * this gives at most l + u + 1 groups, which is optimal for banded matrices.
 *
 * <p>Also provides the column-wise (CSC) view of the pattern — for each column its rows and the
 * positions of those entries in the CSR value array — which a finite-difference Jacobian needs
 * to scatter one difference quotient into every entry of a column. All arrays are shared and
 * must not be modified.
 */
public final class ColumnColoring {
    private final int columns;
    private final int groupCount;
    private final int[] groupOfColumn;
    private final int[] groupStart;
    private final int[] groupColumns;
    private final int[] columnStart;
    private final int[] columnRow;
    private final int[] columnSlot;

    private ColumnColoring(int columns, int groupCount, int[] groupOfColumn, int[] groupStart, int[] groupColumns,
            int[] columnStart, int[] columnRow, int[] columnSlot) {
        this.columns = columns;
        this.groupCount = groupCount;
        this.groupOfColumn = groupOfColumn;
        this.groupStart = groupStart;
        this.groupColumns = groupColumns;
        this.columnStart = columnStart;
        this.columnRow = columnRow;
        this.columnSlot = columnSlot;
    }

    /**
     * Groups the columns of {@code pattern} greedily in natural column order. Cost: the sum over
     * rows of (nonzeros in the row)^2, plus O(nonzeros).
     */
    public static ColumnColoring of(CsrMatrix pattern) {
        int rows = pattern.rows();
        int cols = pattern.columns();
        int[] rs = pattern.rowStart();
        int[] ci = pattern.columnIndex();
        int nnz = pattern.nonZeros();

        // Column-wise view: counting sort of the CSR entries by column (rows stay ascending).
        int[] colStart = new int[cols + 1];
        for (int p = 0; p < nnz; p++) {
            colStart[ci[p] + 1]++;
        }
        for (int c = 0; c < cols; c++) {
            colStart[c + 1] += colStart[c];
        }
        int[] cursor = Arrays.copyOf(colStart, cols);
        int[] colRow = new int[nnz];
        int[] colSlot = new int[nnz];
        for (int r = 0; r < rows; r++) {
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                int q = cursor[ci[p]]++;
                colRow[q] = r;
                colSlot[q] = p;
            }
        }

        // Greedy grouping: forbidden[g] == j marks group g as clashing with column j.
        int[] group = new int[cols];
        int[] forbidden = new int[cols + 1];
        Arrays.fill(forbidden, -1);
        int count = 0;
        for (int j = 0; j < cols; j++) {
            for (int q = colStart[j]; q < colStart[j + 1]; q++) {
                int r = colRow[q];
                for (int p = rs[r]; p < rs[r + 1]; p++) {
                    int c = ci[p];
                    if (c < j) {
                        forbidden[group[c]] = j;
                    }
                }
            }
            int g = 0;
            while (forbidden[g] == j) {
                g++;
            }
            group[j] = g;
            count = Math.max(count, g + 1);
        }

        int[] gStart = new int[count + 1];
        for (int j = 0; j < cols; j++) {
            gStart[group[j] + 1]++;
        }
        for (int g = 0; g < count; g++) {
            gStart[g + 1] += gStart[g];
        }
        int[] gCursor = Arrays.copyOf(gStart, count);
        int[] gCols = new int[cols];
        for (int j = 0; j < cols; j++) {
            gCols[gCursor[group[j]]++] = j;
        }
        return new ColumnColoring(cols, count, group, gStart, gCols, colStart, colRow, colSlot);
    }

    /** Number of columns of the pattern. */
    public int columns() {
        return columns;
    }

    /** Number of groups = residual evaluations per finite-difference Jacobian. */
    public int groupCount() {
        return groupCount;
    }

    /** Group of column j. */
    public int groupOf(int column) {
        return groupOfColumn[column];
    }

    /** Columns of group g are {@code groupColumns()[groupStart()[g] .. groupStart()[g+1]-1]}, ascending. */
    public int[] groupStart() {
        return groupStart;
    }

    /** See {@link #groupStart()}. */
    public int[] groupColumns() {
        return groupColumns;
    }

    /** Entries of column j are positions {@code columnStart()[j] .. columnStart()[j+1]-1} of the CSC arrays. */
    public int[] columnStart() {
        return columnStart;
    }

    /** Row of each CSC entry (ascending within a column). */
    public int[] columnRow() {
        return columnRow;
    }

    /** Position in the CSR value array of each CSC entry. */
    public int[] columnSlot() {
        return columnSlot;
    }

    @Override
    public String toString() {
        return "ColumnColoring[" + columns + " columns in " + groupCount + " groups]";
    }
}
