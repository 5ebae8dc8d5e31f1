package io.nernst.core.impedance;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.solvers.dae.Linearisation;
import io.nernst.solvers.linear.LinearSolver;
import io.nernst.solvers.linear.LinearSolverChoice;
import io.nernst.solvers.linear.SingularMatrixException;
import io.nernst.solvers.linear.SparseLuSolver;
import io.nernst.solvers.ordering.FillReducingOrdering;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Objects;

/**
 * Small-signal impedance of a {@link CellModel} about a state (physics.md section 7).
 *
 * <p>The model is put under current control at the state's own current I0 (so the state stays
 * consistent) and linearised: A = dF/dy, B = dF/dy' ({@link Linearisation}). A sinusoidal
 * perturbation of the current target, I* = I0 + dI exp(i w t), gives
 * (A + i w B) dy = -(dF/dI*) dI, and the cell impedance is Z = -dV/dI = -(dV/dy . dy)/(dI/dy . dy)
 * (minus because the current is positive on discharge: a positive resistance lowers V when
 * I rises). The complex system is solved as the real system of twice the size
 * [[A, -w B], [w B, A]] [x_re; x_im] = [r; 0] with real and imaginary parts of each unknown
 * interleaved, so the block matrix keeps the model's band/sparsity structure; its pattern is
 * analysed once and every frequency only refactors values (row-equilibrated, like the
 * integrator's iteration matrix). Capacitances the model does not carry (e.g. no double layer)
 * simply do not appear: such a model has no charge-transfer arc.
 *
 * <p>Leaves the model under current control at I0. One instance per model (the block pattern
 * and the factorisation workspace are kept); {@link #compute(double, double[], double[], double[], double[], double[])}
 * allocates nothing after the first call. Not thread-safe.
 */
public final class SmallSignalImpedance {
    private final CellModel model;
    private final int n;
    private final Linearisation linearisation;
    private final CsrMatrix block;
    /** For pattern entry p: slots of (2r, 2c), (2r, 2c+1), (2r+1, 2c), (2r+1, 2c+1) in the block matrix. */
    private final int[] slotReRe;
    private final int[] slotReIm;
    private final int[] slotImRe;
    private final int[] slotImIm;
    private final int[] patternRow;
    private final LinearSolver solver;
    private final double[] rhs;
    private final double[] solution;
    private final double[] forcing;
    private final double[] voltageGradient;
    private final double[] currentGradient;
    private final double[] residualA;
    private final double[] residualB;

    /** Prepares the block pattern of {@code model} and analyses it with the cheapest direct solver. */
    public SmallSignalImpedance(CellModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.n = model.dimension();
        this.linearisation = new Linearisation(model);
        CsrMatrix pattern = model.jacobianPattern();
        int nnz = pattern.nonZeros();
        int[] rs = pattern.rowStart();
        int[] ci = pattern.columnIndex();
        int[] rows = new int[4 * nnz];
        int[] cols = new int[4 * nnz];
        patternRow = new int[nnz];
        int k = 0;
        for (int r = 0; r < n; r++) {
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                int c = ci[p];
                patternRow[p] = r;
                rows[k] = 2 * r;
                cols[k++] = 2 * c;
                rows[k] = 2 * r;
                cols[k++] = 2 * c + 1;
                rows[k] = 2 * r + 1;
                cols[k++] = 2 * c;
                rows[k] = 2 * r + 1;
                cols[k++] = 2 * c + 1;
            }
        }
        block = CsrMatrix.fromTriplets(2 * n, 2 * n, rows, cols, null, k);
        int[] slots = block.slotsOf(rows, cols, k);
        slotReRe = new int[nnz];
        slotReIm = new int[nnz];
        slotImRe = new int[nnz];
        slotImIm = new int[nnz];
        for (int p = 0; p < nnz; p++) {
            slotReRe[p] = slots[4 * p];
            slotReIm[p] = slots[4 * p + 1];
            slotImRe[p] = slots[4 * p + 2];
            slotImIm[p] = slots[4 * p + 3];
        }
        LinearSolver chosen = LinearSolverChoice.cheapestFor(block);
        if (chosen instanceof SparseLuSolver) {
            // The values change by orders of magnitude along a sweep; with the default reuse threshold
            // (0.1) a quarter of the factorisations re-pivot from scratch on the DFN. Reused pivots
            // that pass 0.01 change Z by at most 1.6e-10 (relative) on the Marquis DFN's 36-point
            // sweep and halve the fresh factorisations.
            chosen = new SparseLuSolver(FillReducingOrdering.APPROXIMATE_MINIMUM_DEGREE,
                    SparseLuSolver.DEFAULT_PIVOT_THRESHOLD, 0.01);
        }
        solver = chosen;
        solver.analyse(block);
        rhs = new double[2 * n];
        solution = new double[2 * n];
        forcing = new double[n];
        voltageGradient = new double[n];
        currentGradient = new double[n];
        residualA = new double[n];
        residualB = new double[n];
    }

    /** Name of the linear solver used on the 2n x 2n block system. */
    public String linearSolverName() {
        return solver.name();
    }

    /** The impedance at a consistent state (t, y, y') for each frequency [Hz]. */
    public ImpedanceSpectrum compute(double t, double[] y, double[] yDot, double[] frequencies) {
        double[] re = new double[frequencies.length];
        double[] im = new double[frequencies.length];
        compute(t, y, yDot, frequencies, re, im);
        return ImpedanceSpectrum.of(frequencies, re, im);
    }

    /**
     * As {@link #compute(double, double[], double[], double[])}, writing Z' and Z'' [ohm] into
     * caller-owned arrays.
     *
     * @throws IllegalArgumentException on a non-positive frequency, wrong lengths, or a singular
     *                                  system (the state is not a regular point of the DAE)
     * @throws ArithmeticException      when the linearised current does not respond to the control
     */
    public void compute(double t, double[] y, double[] yDot, double[] frequencies, double[] zReal, double[] zImaginary) {
        if (y.length != n || yDot.length != n) {
            throw new IllegalArgumentException("state has length " + y.length + "/" + yDot.length + ", model dimension is " + n);
        }
        if (zReal.length < frequencies.length || zImaginary.length < frequencies.length) {
            throw new IllegalArgumentException("output arrays are shorter than the frequency list");
        }
        for (double f : frequencies) {
            if (!(f > 0.0) || !Double.isFinite(f)) {
                throw new IllegalArgumentException("frequency " + f + " Hz; allowed: finite and > 0");
            }
        }
        // Current control at the state's own current, and the forcing dF/dI* by a difference of the
        // control residual, which is linear in its target (exact).
        double current = model.current(y);
        double step = 1e-3 * (Math.abs(current) + 1e-3);
        model.setControl(Control.CURRENT, current + step);
        model.residual(t, y, yDot, residualB);
        model.setControl(Control.CURRENT, current);
        model.residual(t, y, yDot, residualA);
        double dTarget = (current + step) - current;
        for (int i = 0; i < n; i++) {
            forcing[i] = -(residualB[i] - residualA[i]) / dTarget;
        }
        linearisation.evaluate(t, y, yDot);
        model.voltageGradient(y, voltageGradient);
        model.currentGradient(y, currentGradient);
        double[] a = linearisation.dFdy().values();
        double[] b = linearisation.dFdyDot().values();
        double[] v = block.values();
        int[] brs = block.rowStart();
        for (int k = 0; k < frequencies.length; k++) {
            double w = 2.0 * Math.PI * frequencies[k];
            for (int p = 0; p < a.length; p++) {
                double wb = w * b[p];
                v[slotReRe[p]] = a[p];
                v[slotReIm[p]] = -wb;
                v[slotImRe[p]] = wb;
                v[slotImIm[p]] = a[p];
            }
            for (int i = 0; i < n; i++) {
                rhs[2 * i] = forcing[i];
                rhs[2 * i + 1] = 0.0;
            }
            // Row equilibration: rows of size w B next to algebraic rows of size one.
            for (int r = 0; r < 2 * n; r++) {
                double max = 0.0;
                for (int p = brs[r]; p < brs[r + 1]; p++) {
                    max = Math.max(max, Math.abs(v[p]));
                }
                if (!(max > 0.0) || !(max < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException("the linearised system has an empty or non-finite row "
                            + (r / 2) + " at " + frequencies[k] + " Hz");
                }
                double s = 1.0 / max;
                for (int p = brs[r]; p < brs[r + 1]; p++) {
                    v[p] *= s;
                }
                rhs[r] *= s;
            }
            try {
                solver.factor(block);
            } catch (SingularMatrixException ex) {
                throw new IllegalArgumentException("the linearised system (i w dF/dy' + dF/dy) is singular at "
                        + frequencies[k] + " Hz (unknown " + ex.index() / 2 + "): the state is not a regular point", ex);
            }
            solver.solve(rhs, solution);
            double vRe = 0.0;
            double vIm = 0.0;
            double iRe = 0.0;
            double iIm = 0.0;
            for (int i = 0; i < n; i++) {
                double xr = solution[2 * i];
                double xi = solution[2 * i + 1];
                vRe += voltageGradient[i] * xr;
                vIm += voltageGradient[i] * xi;
                iRe += currentGradient[i] * xr;
                iIm += currentGradient[i] * xi;
            }
            double den = iRe * iRe + iIm * iIm;
            if (!(den > 0.0)) {
                throw new ArithmeticException("the linearised current does not respond to the current control at "
                        + frequencies[k] + " Hz");
            }
            // Z = -(vRe + i vIm) / (iRe + i iIm)
            zReal[k] = -(vRe * iRe + vIm * iIm) / den;
            zImaginary[k] = -(vIm * iRe - vRe * iIm) / den;
        }
    }
}
