package io.nernst.solvers.linear;

import io.nernst.solvers.sparse.CsrMatrix;

/** Pattern checks shared by the direct solvers' analyse phase. */
final class StructuralChecks {
    private StructuralChecks() {
    }

    /**
     * Rejects a pattern with a row or column without stored entries: such a matrix is singular
     * for every choice of values, and naming the row or column is the most useful diagnosis.
     *
     * @throws SingularMatrixException naming the first empty row, else the first empty column
     */
    static void requireNoEmptyRowOrColumn(CsrMatrix pattern) {
        int n = pattern.rows();
        int[] rowStart = pattern.rowStart();
        for (int r = 0; r < n; r++) {
            if (rowStart[r + 1] == rowStart[r]) {
                throw new SingularMatrixException("row " + r + " of the " + n + " x " + n
                        + " matrix has no stored entries: the matrix is structurally singular", r);
            }
        }
        boolean[] seen = new boolean[pattern.columns()];
        int[] columnIndex = pattern.columnIndex();
        for (int p = 0; p < rowStart[n]; p++) {
            seen[columnIndex[p]] = true;
        }
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                throw new SingularMatrixException("column " + c + " of the " + n + " x " + n
                        + " matrix has no stored entries: the matrix is structurally singular", c);
            }
        }
    }
}
