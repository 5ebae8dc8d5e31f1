package io.nernst.solvers.precond;

import io.nernst.solvers.linear.SingularMatrixException;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Arrays;

/**
 * Incomplete LU factorisation with zero fill-in, ILU(0) (Saad 2003, section 10.3.2,
 * Algorithm 10.4): {@code A ~ L U} with {@code L} unit lower and {@code U} upper triangular,
 * both restricted to the sparsity pattern of {@code A}, such that {@code (L U)_ij = a_ij} for
 * every {@code (i, j)} in the pattern.
 *
 * <p>The factors are stored together in one CSR value array on the pattern of {@code A}
 * (strictly lower part = {@code L} without its unit diagonal, diagonal and upper part =
 * {@code U}), with a pointer to the diagonal slot of each row. A row whose diagonal is not in
 * the pattern of {@code A} gets a diagonal slot added (so elimination may fill it); every
 * other entry of the pattern is kept exactly. The factorisation uses the row-wise IKJ
 * ordering of Gaussian elimination, which only ever reads rows that are already final.
 *
 * <p>A pivot {@code u_ii} that is zero, not finite, or below {@value #PIVOT_RELATIVE} times
 * the largest magnitude of row {@code i} of {@code A} raises a {@link SingularMatrixException}
 * naming the row: the incomplete factors would then be useless (Saad 2003, section 10.3.4
 * discusses such breakdowns).
 */
public final class Ilu0Preconditioner implements Preconditioner {
    /** Relative size below which a pivot is treated as zero. */
    static final double PIVOT_RELATIVE = 1e-14;

    private CsrMatrix analysedPattern;
    private int n = -1;
    private int[] factorRowStart;
    private int[] factorColumn;
    /** Where each slot of the analysed pattern lives in the factor pattern; null when the two coincide. */
    private int[] factorSlotOfSourceSlot;
    private int[] diagonalSlot;
    private double[] factorValues;
    private double[] inverseDiagonal;
    /** Scatter map column -> slot of the row being eliminated, -1 outside it. Always reset to -1. */
    private int[] slotOfColumn;
    private boolean ready;

    @Override
    public void analyse(CsrMatrix pattern) {
        PreconditionerChecks.requireSquare(pattern);
        int rows = pattern.rows();
        int[] rowStart = pattern.rowStart();
        int[] column = pattern.columnIndex();
        int missingDiagonals = 0;
        for (int i = 0; i < rows; i++) {
            if (pattern.slot(i, i) < 0) {
                missingDiagonals++;
            }
        }
        if (missingDiagonals == 0) {
            factorRowStart = rowStart;
            factorColumn = column;
            factorSlotOfSourceSlot = null;
        } else {
            // Insert the missing diagonals, keeping columns sorted within each row.
            int sourceNonZeros = pattern.nonZeros();
            factorRowStart = new int[rows + 1];
            factorColumn = new int[sourceNonZeros + missingDiagonals];
            factorSlotOfSourceSlot = new int[sourceNonZeros];
            int f = 0;
            for (int i = 0; i < rows; i++) {
                factorRowStart[i] = f;
                boolean diagonalPlaced = false;
                for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                    int c = column[p];
                    if (!diagonalPlaced && c >= i) {
                        if (c > i) {
                            factorColumn[f++] = i;
                        }
                        diagonalPlaced = true;
                    }
                    factorSlotOfSourceSlot[p] = f;
                    factorColumn[f++] = c;
                }
                if (!diagonalPlaced) {
                    factorColumn[f++] = i;
                }
            }
            factorRowStart[rows] = f;
        }
        diagonalSlot = new int[rows];
        for (int i = 0; i < rows; i++) {
            int p = Arrays.binarySearch(factorColumn, factorRowStart[i], factorRowStart[i + 1], i);
            diagonalSlot[i] = p;
        }
        factorValues = new double[factorRowStart[rows]];
        inverseDiagonal = new double[rows];
        slotOfColumn = new int[rows];
        Arrays.fill(slotOfColumn, -1);
        n = rows;
        analysedPattern = pattern;
        ready = false;
    }

    @Override
    public void setup(CsrMatrix matrix) {
        if (analysedPattern == null || !matrix.samePattern(analysedPattern)) {
            analyse(matrix);
        }
        ready = false;
        copyValues(matrix);
        int[] start = factorRowStart;
        int[] column = factorColumn;
        int[] diagonal = diagonalSlot;
        double[] lu = factorValues;
        int[] scatter = slotOfColumn;
        for (int i = 0; i < n; i++) {
            int rowBegin = start[i];
            int rowEnd = start[i + 1];
            double rowMax = 0.0;
            for (int p = rowBegin; p < rowEnd; p++) {
                scatter[column[p]] = p;
                rowMax = Math.max(rowMax, Math.abs(lu[p]));
            }
            // Eliminate with every earlier row k present in row i (IKJ order, Saad Alg. 10.4):
            // l_ik = a_ik / u_kk, then a_ij -= l_ik u_kj for the j > k that row i already holds.
            for (int p = rowBegin, diagonalOfRow = diagonal[i]; p < diagonalOfRow; p++) {
                int k = column[p];
                double multiplier = lu[p] * inverseDiagonal[k];
                lu[p] = multiplier;
                for (int q = diagonal[k] + 1, kEnd = start[k + 1]; q < kEnd; q++) {
                    int target = scatter[column[q]];
                    if (target >= 0) {
                        lu[target] -= multiplier * lu[q];
                    }
                }
            }
            for (int p = rowBegin; p < rowEnd; p++) {
                scatter[column[p]] = -1;
            }
            double pivot = lu[diagonal[i]];
            if (!Double.isFinite(pivot) || !(Math.abs(pivot) > PIVOT_RELATIVE * rowMax)) {
                throw new SingularMatrixException("ILU(0): zero pivot " + pivot + " at row " + i
                        + " (largest entry of the row " + rowMax + ")", i);
            }
            inverseDiagonal[i] = 1.0 / pivot;
        }
        ready = true;
    }

    private void copyValues(CsrMatrix matrix) {
        int[] rowStart = matrix.rowStart();
        int[] column = matrix.columnIndex();
        double[] source = matrix.values();
        for (int i = 0; i < n; i++) {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                PreconditionerChecks.requireFinite(i, column[p], source[p]);
            }
        }
        if (factorSlotOfSourceSlot == null) {
            System.arraycopy(source, 0, factorValues, 0, factorValues.length);
        } else {
            Arrays.fill(factorValues, 0.0);
            for (int p = 0; p < factorSlotOfSourceSlot.length; p++) {
                factorValues[factorSlotOfSourceSlot[p]] = source[p];
            }
        }
    }

    /**
     * Solves {@code L U z = r}: forward substitution with the unit lower factor, then backward
     * substitution with the upper factor. Both sweeps only read entries of {@code z} they have
     * already written, so {@code z} may alias {@code r}.
     */
    @Override
    public void apply(double[] r, double[] z) {
        if (!ready) {
            throw new IllegalStateException("setup must succeed before apply");
        }
        int[] start = factorRowStart;
        int[] column = factorColumn;
        int[] diagonal = diagonalSlot;
        double[] lu = factorValues;
        for (int i = 0; i < n; i++) {
            double sum = r[i];
            for (int p = start[i], end = diagonal[i]; p < end; p++) {
                sum -= lu[p] * z[column[p]];
            }
            z[i] = sum;
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int p = diagonal[i] + 1, end = start[i + 1]; p < end; p++) {
                sum -= lu[p] * z[column[p]];
            }
            z[i] = sum * inverseDiagonal[i];
        }
    }

    @Override
    public String name() {
        return "ilu0";
    }

    // Package-private views for tests: the factor pattern and values.
    int[] factorRowStart() {
        return factorRowStart;
    }

    int[] factorColumn() {
        return factorColumn;
    }

    int[] diagonalSlot() {
        return diagonalSlot;
    }

    double[] factorValues() {
        return factorValues;
    }
}
