package io.nernst.solvers.sparse;

import java.util.Arrays;

/**
 * A sparse matrix in compressed sparse row (CSR) form whose sparsity pattern is fixed at
 * construction and whose values are refilled in place as often as needed.
 *
 * <p>The pattern arrays ({@link #rowStart()}, {@link #columnIndex()}) are shared between
 * matrices created with {@link #withSamePattern()} and must never be modified by callers;
 * column indices are sorted ascending within each row and unique. The value array
 * ({@link #values()}) is owned by this matrix and may be written directly, which is how
 * Newton iterations refill a Jacobian without allocating: look a slot up once with
 * {@link #slot(int, int)} or {@link #slotsOf(int[], int[], int)}, then write
 * {@code values()[slot]} at every refill.
 */
public final class CsrMatrix {
    private final int rows;
    private final int columns;
    private final int[] rowStart;
    private final int[] columnIndex;
    private final double[] values;

    private CsrMatrix(int rows, int columns, int[] rowStart, int[] columnIndex, double[] values) {
        this.rows = rows;
        this.columns = columns;
        this.rowStart = rowStart;
        this.columnIndex = columnIndex;
        this.values = values;
    }

    /**
     * Builds a matrix from coordinate triplets; duplicate (row, column) pairs are summed.
     *
     * @param rows    number of rows, positive
     * @param columns number of columns, positive
     * @param rowOf   row index of each triplet
     * @param colOf   column index of each triplet
     * @param value   value of each triplet, or {@code null} for a pattern with zero values
     * @param count   number of triplets to read from the arrays
     * @throws IllegalArgumentException on a negative size, an index out of range (naming the
     *                                  triplet, row and column) or a non-finite value
     */
    public static CsrMatrix fromTriplets(int rows, int columns, int[] rowOf, int[] colOf, double[] value, int count) {
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("matrix size must be positive, got " + rows + " x " + columns);
        }
        if (count < 0 || count > rowOf.length || count > colOf.length || (value != null && count > value.length)) {
            throw new IllegalArgumentException("triplet count " + count + " exceeds the triplet arrays");
        }
        int[] perRow = new int[rows + 1];
        for (int k = 0; k < count; k++) {
            int r = rowOf[k];
            int c = colOf[k];
            if (r < 0 || r >= rows || c < 0 || c >= columns) {
                throw new IllegalArgumentException("triplet " + k + " at (row " + r + ", column " + c
                        + ") lies outside the " + rows + " x " + columns + " matrix");
            }
            if (value != null && !Double.isFinite(value[k])) {
                throw new IllegalArgumentException("triplet " + k + " at (row " + r + ", column " + c
                        + ") has non-finite value " + value[k]);
            }
            perRow[r + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            perRow[r + 1] += perRow[r];
        }
        // Bucket columns by row, then sort and merge duplicates within each row.
        int[] cursor = Arrays.copyOf(perRow, rows);
        int[] bucketCol = new int[count];
        double[] bucketVal = new double[count];
        for (int k = 0; k < count; k++) {
            int p = cursor[rowOf[k]]++;
            bucketCol[p] = colOf[k];
            bucketVal[p] = value == null ? 0.0 : value[k];
        }
        int[] newStart = new int[rows + 1];
        int[] newCol = new int[count];
        double[] newVal = new double[count];
        int nnz = 0;
        long[] keys = new long[0];
        for (int r = 0; r < rows; r++) {
            newStart[r] = nnz;
            int from = perRow[r];
            int to = perRow[r + 1];
            int len = to - from;
            if (keys.length < len) {
                keys = new long[Math.max(len, 2 * keys.length)];
            }
            // Sort (column, original position) pairs so that values follow their columns.
            for (int p = 0; p < len; p++) {
                keys[p] = ((long) bucketCol[from + p] << 32) | (p & 0xffffffffL);
            }
            Arrays.sort(keys, 0, len);
            int last = -1;
            for (int p = 0; p < len; p++) {
                int c = (int) (keys[p] >>> 32);
                double v = bucketVal[from + (int) (keys[p] & 0xffffffffL)];
                if (c == last) {
                    newVal[nnz - 1] += v;
                } else {
                    newCol[nnz] = c;
                    newVal[nnz] = v;
                    nnz++;
                    last = c;
                }
            }
        }
        newStart[rows] = nnz;
        return new CsrMatrix(rows, columns, newStart, Arrays.copyOf(newCol, nnz), Arrays.copyOf(newVal, nnz));
    }

    /**
     * Wraps existing CSR arrays (not copied). Column indices must be sorted and unique per row.
     *
     * @throws IllegalArgumentException if the arrays are not a valid CSR structure
     */
    public static CsrMatrix wrap(int rows, int columns, int[] rowStart, int[] columnIndex, double[] values) {
        if (rows <= 0 || columns <= 0 || rowStart.length != rows + 1 || rowStart[0] != 0) {
            throw new IllegalArgumentException("invalid CSR row pointer for a " + rows + " x " + columns + " matrix");
        }
        int nnz = rowStart[rows];
        if (columnIndex.length < nnz || values.length < nnz) {
            throw new IllegalArgumentException("CSR arrays shorter than the " + nnz + " nonzeros the row pointer declares");
        }
        for (int r = 0; r < rows; r++) {
            if (rowStart[r + 1] < rowStart[r]) {
                throw new IllegalArgumentException("CSR row pointer decreases at row " + r);
            }
            for (int p = rowStart[r]; p < rowStart[r + 1]; p++) {
                int c = columnIndex[p];
                if (c < 0 || c >= columns || (p > rowStart[r] && c <= columnIndex[p - 1])) {
                    throw new IllegalArgumentException("row " + r + ": column index " + c
                            + " out of range or not strictly increasing");
                }
            }
        }
        return new CsrMatrix(rows, columns, rowStart, columnIndex, values);
    }

    /** A new matrix sharing this pattern, with its own zeroed values. */
    public CsrMatrix withSamePattern() {
        return new CsrMatrix(rows, columns, rowStart, columnIndex, new double[values.length]);
    }

    /** A new matrix sharing this pattern with a copy of the values. */
    public CsrMatrix copy() {
        return new CsrMatrix(rows, columns, rowStart, columnIndex, values.clone());
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int nonZeros() {
        return rowStart[rows];
    }

    /** Row pointer, length rows + 1. Shared; do not modify. */
    public int[] rowStart() {
        return rowStart;
    }

    /** Column index of each stored entry. Shared; do not modify. */
    public int[] columnIndex() {
        return columnIndex;
    }

    /** Stored values, writable in place. */
    public double[] values() {
        return values;
    }

    /** True when {@code other} has the identical pattern (same arrays or equal contents). */
    public boolean samePattern(CsrMatrix other) {
        if (other == this || (other.rowStart == rowStart && other.columnIndex == columnIndex)) {
            return true;
        }
        return other.rows == rows && other.columns == columns
                && Arrays.equals(other.rowStart, rowStart)
                && Arrays.equals(other.columnIndex, 0, nonZeros(), columnIndex, 0, nonZeros());
    }

    /** Position of entry (row, column) in {@link #values()}, or -1 when not in the pattern. */
    public int slot(int row, int column) {
        int p = Arrays.binarySearch(columnIndex, rowStart[row], rowStart[row + 1], column);
        return p >= 0 ? p : -1;
    }

    /**
     * Slots of many entries at once, for refilling from triplets in the order they were given.
     *
     * @throws IllegalArgumentException when an entry is not in the pattern
     */
    public int[] slotsOf(int[] rowOf, int[] colOf, int count) {
        int[] slots = new int[count];
        for (int k = 0; k < count; k++) {
            int s = slot(rowOf[k], colOf[k]);
            if (s < 0) {
                throw new IllegalArgumentException("entry (row " + rowOf[k] + ", column " + colOf[k] + ") is not in the pattern");
            }
            slots[k] = s;
        }
        return slots;
    }

    /** Value at (row, column); zero outside the pattern. */
    public double get(int row, int column) {
        int s = slot(row, column);
        return s < 0 ? 0.0 : values[s];
    }

    /** Sets every stored value to zero, keeping the pattern. */
    public void zeroValues() {
        Arrays.fill(values, 0, nonZeros(), 0.0);
    }

    /** y = A x. */
    public void multiply(double[] x, double[] y) {
        checkProductSizes(x, y, false);
        for (int r = 0; r < rows; r++) {
            double sum = 0.0;
            for (int p = rowStart[r], end = rowStart[r + 1]; p < end; p++) {
                sum += values[p] * x[columnIndex[p]];
            }
            y[r] = sum;
        }
    }

    /** y += alpha A x. */
    public void multiplyAdd(double alpha, double[] x, double[] y) {
        checkProductSizes(x, y, false);
        for (int r = 0; r < rows; r++) {
            double sum = 0.0;
            for (int p = rowStart[r], end = rowStart[r + 1]; p < end; p++) {
                sum += values[p] * x[columnIndex[p]];
            }
            y[r] += alpha * sum;
        }
    }

    /** y = A^T x. */
    public void transposeMultiply(double[] x, double[] y) {
        checkProductSizes(x, y, true);
        Arrays.fill(y, 0, columns, 0.0);
        for (int r = 0; r < rows; r++) {
            double xr = x[r];
            if (xr == 0.0) {
                continue;
            }
            for (int p = rowStart[r], end = rowStart[r + 1]; p < end; p++) {
                y[columnIndex[p]] += values[p] * xr;
            }
        }
    }

    /**
     * Checks that every stored value is finite.
     *
     * @throws IllegalArgumentException naming the first row and column holding NaN or infinity
     */
    public void checkFinite() {
        for (int r = 0; r < rows; r++) {
            for (int p = rowStart[r]; p < rowStart[r + 1]; p++) {
                if (!Double.isFinite(values[p])) {
                    throw new IllegalArgumentException("matrix entry (row " + r + ", column " + columnIndex[p]
                            + ") is " + values[p]);
                }
            }
        }
    }

    private void checkProductSizes(double[] x, double[] y, boolean transposed) {
        int in = transposed ? rows : columns;
        int out = transposed ? columns : rows;
        if (x.length < in || y.length < out) {
            throw new IllegalArgumentException("product of a " + rows + " x " + columns + " matrix"
                    + (transposed ? " transposed" : "") + " needs x of length " + in + " and y of length " + out
                    + ", got " + x.length + " and " + y.length);
        }
    }

    @Override
    public String toString() {
        return "CsrMatrix[" + rows + " x " + columns + ", " + nonZeros() + " nonzeros]";
    }
}
