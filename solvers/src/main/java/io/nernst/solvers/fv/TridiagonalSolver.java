package io.nernst.solvers.fv;

/**
 * Thomas algorithm for tridiagonal systems lower_i x_{i-1} + diagonal_i x_i + upper_i x_{i+1}
 * = rhs_i, without pivoting (stable for the diagonally dominant matrices of diffusion
 * operators). The instance owns its workspace, so repeated solves allocate nothing.
 */
public final class TridiagonalSolver {
    private final int size;
    private final double[] modifiedUpper;

    public TridiagonalSolver(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        this.size = size;
        this.modifiedUpper = new double[size];
    }

    /**
     * Solves the system; {@code solution} may alias {@code rhs}. Inputs are not modified.
     *
     * @throws ArithmeticException when a zero pivot appears (row named)
     */
    public void solve(double[] lower, double[] diagonal, double[] upper, double[] rhs, double[] solution) {
        double pivot = diagonal[0];
        if (pivot == 0.0) {
            throw new ArithmeticException("zero pivot at row 0 of the tridiagonal system");
        }
        modifiedUpper[0] = upper[0] / pivot;
        solution[0] = rhs[0] / pivot;
        for (int i = 1; i < size; i++) {
            pivot = diagonal[i] - lower[i] * modifiedUpper[i - 1];
            if (pivot == 0.0) {
                throw new ArithmeticException("zero pivot at row " + i + " of the tridiagonal system");
            }
            modifiedUpper[i] = i < size - 1 ? upper[i] / pivot : 0.0;
            solution[i] = (rhs[i] - lower[i] * solution[i - 1]) / pivot;
        }
        for (int i = size - 2; i >= 0; i--) {
            solution[i] -= modifiedUpper[i] * solution[i + 1];
        }
    }
}
