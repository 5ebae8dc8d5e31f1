package io.nernst.solvers.ordering;

import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Arrays;

/**
 * Maximum transversal (maximum bipartite matching of rows to columns) of a square sparsity
 * pattern: a row permutation putting as many structural nonzeros as possible on the
 * diagonal. Its size is the structural rank; a square matrix with structural rank below n is
 * singular for every choice of values.
 *
 * <p>Algorithm: depth-first augmenting paths with look-ahead, after I. S. Duff, "On
 * algorithms for obtaining a maximum transversal", ACM TOMS 7(3):315-330, 1981 (MC21); see
 * also Davis 2006, sec. 7.2. Diagonal entries are matched first, so a matrix with a zero-free
 * diagonal keeps the identity. Worst case O(n |A|), typically near O(|A|).
 */
public final class MaximumTransversal {
    private final int[] rowOfColumn;
    private final int[] columnOfRow;
    private final int rank;

    private MaximumTransversal(int[] rowOfColumn, int[] columnOfRow, int rank) {
        this.rowOfColumn = rowOfColumn;
        this.columnOfRow = columnOfRow;
        this.rank = rank;
    }

    /**
     * Computes a maximum transversal of a square pattern (values ignored).
     *
     * @throws IllegalArgumentException if the pattern is not square
     */
    public static MaximumTransversal of(CsrMatrix pattern) {
        int n = pattern.rows();
        if (pattern.columns() != n) {
            throw new IllegalArgumentException("transversal needs a square matrix, got " + n + " x " + pattern.columns());
        }
        // Column access: rows of column j are rows[colStart[j] .. colStart[j+1]).
        int[] rs = pattern.rowStart();
        int[] ci = pattern.columnIndex();
        int nnz = pattern.nonZeros();
        int[] colStart = new int[n + 1];
        for (int p = 0; p < nnz; p++) {
            colStart[ci[p] + 1]++;
        }
        for (int j = 0; j < n; j++) {
            colStart[j + 1] += colStart[j];
        }
        int[] rows = new int[nnz];
        int[] fill = Arrays.copyOf(colStart, n);
        for (int r = 0; r < n; r++) {
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                rows[fill[ci[p]]++] = r;
            }
        }
        int[] rowOfColumn = new int[n];
        int[] columnOfRow = new int[n];
        Arrays.fill(rowOfColumn, -1);
        Arrays.fill(columnOfRow, -1);
        int rank = 0;
        // Diagonal first: keeps the identity whenever the diagonal is zero-free.
        for (int j = 0; j < n; j++) {
            if (pattern.slot(j, j) >= 0) {
                rowOfColumn[j] = j;
                columnOfRow[j] = j;
                rank++;
            }
        }
        // Augmenting paths for the remaining columns.
        int[] lookAhead = Arrays.copyOf(colStart, n);
        int[] dfsPointer = new int[n];
        int[] stackColumn = new int[n];
        int[] visited = new int[n];
        Arrays.fill(visited, -1);
        for (int start = 0; start < n; start++) {
            if (rowOfColumn[start] >= 0) {
                continue;
            }
            int depth = 0;
            stackColumn[0] = start;
            dfsPointer[start] = colStart[start];
            boolean augmented = false;
            while (depth >= 0 && !augmented) {
                int c = stackColumn[depth];
                // Look-ahead: a free row in column c ends the path at once. Rows once matched
                // stay matched, so the pointer never needs to move back (Duff 1981).
                int free = -1;
                for (int end = colStart[c + 1]; lookAhead[c] < end; lookAhead[c]++) {
                    int i = rows[lookAhead[c]];
                    if (columnOfRow[i] < 0) {
                        free = i;
                        break;
                    }
                }
                if (free >= 0) {
                    // Augment: column at each level takes the row leading to the next level.
                    int row = free;
                    for (int level = depth; level >= 0; level--) {
                        int col = stackColumn[level];
                        int previous = rowOfColumn[col];
                        rowOfColumn[col] = row;
                        columnOfRow[row] = col;
                        row = previous;
                    }
                    rank++;
                    augmented = true;
                    break;
                }
                // Descend through a matched row not yet visited in this search.
                int next = -1;
                for (int end = colStart[c + 1]; dfsPointer[c] < end; ) {
                    int i = rows[dfsPointer[c]++];
                    if (visited[i] != start) {
                        visited[i] = start;
                        next = i;
                        break;
                    }
                }
                if (next < 0) {
                    depth--;
                } else {
                    int c2 = columnOfRow[next];
                    depth++;
                    stackColumn[depth] = c2;
                    dfsPointer[c2] = colStart[c2];
                }
            }
        }
        return new MaximumTransversal(rowOfColumn, columnOfRow, rank);
    }

    /** Structural rank: the number of matched columns. */
    public int structuralRank() {
        return rank;
    }

    /** The row matched to column j, or -1 when j is unmatched. */
    public int rowOfColumn(int j) {
        return rowOfColumn[j];
    }

    /** The column matched to row i, or -1 when i is unmatched. */
    public int columnOfRow(int i) {
        return columnOfRow[i];
    }

    /** First unmatched column, or -1 when the matching is perfect. */
    public int firstUnmatchedColumn() {
        for (int j = 0; j < rowOfColumn.length; j++) {
            if (rowOfColumn[j] < 0) {
                return j;
            }
        }
        return -1;
    }

    /** First unmatched row, or -1 when the matching is perfect. */
    public int firstUnmatchedRow() {
        for (int i = 0; i < columnOfRow.length; i++) {
            if (columnOfRow[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    /** Column matched to each row (a copy); a permutation when the matching is perfect. */
    public int[] columnOfEveryRow() {
        return columnOfRow.clone();
    }

    /** Row matched to each column (a copy). */
    public int[] rowOfEveryColumn() {
        return rowOfColumn.clone();
    }
}
