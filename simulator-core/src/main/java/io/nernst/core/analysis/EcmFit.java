package io.nernst.core.analysis;

import io.nernst.core.impedance.ImpedanceSpectrum;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Complex nonlinear least-squares fit of an equivalent {@link Circuit} to a spectrum with
 * Hipparchus' Levenberg-Marquardt optimizer.
 *
 * <p>Residuals are (Z_model - Z_data)/|Z_data| for the real and the imaginary part (modulus
 * weighting: every frequency counts alike whatever its |Z|). The parameters are fitted in a
 * transformed space that keeps them physical: log p for resistances, capacitances, Q, sigma and
 * tau (positive), logit for CPE exponents (0 &lt; alpha &lt; 1). The Jacobian is by central
 * differences in that space. Standard errors come from the covariance s^2 (J^T J)^-1 at the
 * optimum, s^2 = RSS/(2N - p), mapped back by the transform's derivative (se(p) = p se(log p)).
 *
 * <p>A fit that does not converge (iteration or evaluation limit, singular J^T J) is returned
 * with {@link Result#converged()} false and the reason, never thrown.
 */
public final class EcmFit {
    private static final int MAX_ITERATIONS = 2000;

    private EcmFit() {
    }

    /**
     * The outcome of a fit.
     *
     * @param circuit        the circuit
     * @param names          parameter names
     * @param values         fitted values (SI)
     * @param standardErrors one standard error per parameter (NaN when J^T J is singular)
     * @param converged      whether the optimizer converged
     * @param message        why not, or "converged"
     * @param iterations     optimizer iterations
     * @param rms            root-mean-square of the weighted residuals (relative to |Z|)
     * @param residualReal   (Z'_model - Z'_data)/|Z| per frequency
     * @param residualImag   (Z''_model - Z''_data)/|Z| per frequency
     */
    public record Result(Circuit circuit, List<String> names, double[] values, double[] standardErrors,
                         boolean converged, String message, int iterations, double rms,
                         double[] residualReal, double[] residualImag) {

        /** The fitted value of a named parameter. */
        public double value(String name) {
            int i = names.indexOf(name);
            if (i < 0) {
                throw new AnalysisException("no parameter '" + name + "' in " + circuit + "; parameters: " + names);
            }
            return values[i];
        }

        /** The standard error of a named parameter. */
        public double standardError(String name) {
            return standardErrors[names.indexOf(name)];
        }
    }

    /**
     * Fits {@code circuit} to {@code data} from {@code initial} (natural units, one per parameter).
     *
     * @throws AnalysisException on too few points, wrong initial length or unphysical initial values
     */
    public static Result fit(Circuit circuit, ImpedanceSpectrum data, double[] initial) {
        int p = circuit.parameterCount();
        int n = data.size();
        if (initial.length != p) {
            throw new AnalysisException("circuit " + circuit + " has " + p + " parameters " + circuit.parameterNames()
                    + ", " + initial.length + " initial values given");
        }
        if (2 * n <= p) {
            throw new AnalysisException("a spectrum of " + n + " frequencies has too few points for " + p
                    + " parameters (need 2N > p)");
        }
        List<Circuit.Kind> kinds = circuit.parameterKinds();
        double[] x0 = new double[p];
        for (int j = 0; j < p; j++) {
            double v = initial[j];
            if (kinds.get(j) == Circuit.Kind.EXPONENT ? !(v > 0 && v < 1) : !(v > 0 && Double.isFinite(v))) {
                throw new AnalysisException("initial value of " + circuit.parameterNames().get(j) + " is " + v
                        + "; allowed: " + (kinds.get(j) == Circuit.Kind.EXPONENT ? "0 < alpha < 1" : "finite and > 0"));
            }
            x0[j] = toInternal(v, kinds.get(j));
        }
        double[] f = data.frequencies();
        double[] zr = data.reals();
        double[] zi = data.imaginaries();
        double[] scale = new double[n];
        double[] target = new double[2 * n];
        for (int k = 0; k < n; k++) {
            scale[k] = 1.0 / Math.hypot(zr[k], zi[k]);
            target[2 * k] = zr[k] * scale[k];
            target[2 * k + 1] = zi[k] * scale[k];
        }
        ModelFunction model = new ModelFunction(circuit, kinds, f, scale, target);
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(x0)
                .model(model::valueAndJacobian)
                .target(target)
                .maxIterations(MAX_ITERATIONS)
                .maxEvaluations(MAX_ITERATIONS * 2)
                .lazyEvaluation(false)
                .build();
        LevenbergMarquardtOptimizer optimizer = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-14).withParameterRelativeTolerance(1e-12).withOrthoTolerance(1e-14);
        double[] x;
        boolean converged;
        String message;
        int iterations;
        try {
            LeastSquaresOptimizer.Optimum optimum = optimizer.optimize(problem);
            x = optimum.getPoint().toArray();
            converged = true;
            message = "converged";
            iterations = optimum.getIterations();
        } catch (MathIllegalStateException e) {
            x = model.best != null ? model.best : x0;
            converged = false;
            message = "did not converge: " + e.getMessage() + " (the best point evaluated is shown)";
            iterations = MAX_ITERATIONS;
        }
        Pair<RealVector, RealMatrix> vj = model.valueAndJacobian(new ArrayRealVector(x));
        double[] modelValues = vj.getFirst().toArray();
        double rss = 0;
        double[] rr = new double[n];
        double[] ri = new double[n];
        for (int k = 0; k < n; k++) {
            rr[k] = modelValues[2 * k] - target[2 * k];
            ri[k] = modelValues[2 * k + 1] - target[2 * k + 1];
            rss += rr[k] * rr[k] + ri[k] * ri[k];
        }
        double[] values = new double[p];
        double[] se = new double[p];
        Arrays.fill(se, Double.NaN);
        for (int j = 0; j < p; j++) {
            values[j] = toNatural(x[j], kinds.get(j));
        }
        RealMatrix jac = vj.getSecond();
        RealMatrix jtj = jac.transposeMultiply(jac);
        LUDecomposition lu = new LUDecomposition(jtj, 1e-300);
        if (lu.getSolver().isNonSingular() && 2 * n > p) {
            RealMatrix cov = lu.getSolver().getInverse().scalarMultiply(rss / (2 * n - p));
            for (int j = 0; j < p; j++) {
                double sInternal = Math.sqrt(Math.max(0, cov.getEntry(j, j)));
                se[j] = sInternal * naturalDerivative(x[j], kinds.get(j));
            }
        } else if (converged) {
            message = "converged, but J^T J is singular: parameters are not all identifiable (standard errors NaN)";
        }
        return new Result(circuit, circuit.parameterNames(), values, se, converged, message, iterations,
                Math.sqrt(rss / (2 * n)), rr, ri);
    }

    static double toInternal(double v, Circuit.Kind k) {
        return k == Circuit.Kind.EXPONENT ? Math.log(v / (1 - v)) : Math.log(v);
    }

    static double toNatural(double x, Circuit.Kind k) {
        return k == Circuit.Kind.EXPONENT ? 1 / (1 + Math.exp(-x)) : Math.exp(x);
    }

    /** d(natural)/d(internal). */
    static double naturalDerivative(double x, Circuit.Kind k) {
        if (k == Circuit.Kind.EXPONENT) {
            double s = 1 / (1 + Math.exp(-x));
            return s * (1 - s);
        }
        return Math.exp(x);
    }

    /** Weighted model values and their central-difference Jacobian in the internal parameters. */
    private static final class ModelFunction {
        final Circuit circuit;
        final List<Circuit.Kind> kinds;
        final double[] f;
        final double[] scale;
        final double[] target;
        /** The evaluated point of least cost so far (reported when the optimizer gives up). */
        double[] best;
        double bestCost = Double.POSITIVE_INFINITY;

        ModelFunction(Circuit circuit, List<Circuit.Kind> kinds, double[] f, double[] scale, double[] target) {
            this.target = target;
            this.circuit = circuit;
            this.kinds = kinds;
            this.f = f;
            this.scale = scale;
        }

        double[] values(double[] x) {
            double[] natural = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                natural[j] = toNatural(x[j], kinds.get(j));
            }
            double[] out = new double[2 * f.length];
            double[] z = new double[2];
            for (int k = 0; k < f.length; k++) {
                circuit.impedance(f[k], natural, z);
                out[2 * k] = z[0] * scale[k];
                out[2 * k + 1] = z[1] * scale[k];
            }
            return out;
        }

        Pair<RealVector, RealMatrix> valueAndJacobian(RealVector point) {
            double[] x = point.toArray();
            double[] v = values(x);
            double cost = 0;
            for (int i = 0; i < v.length; i++) {
                cost += (v[i] - target[i]) * (v[i] - target[i]);
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = x.clone();
            }
            double[][] jac = new double[v.length][x.length];
            for (int j = 0; j < x.length; j++) {
                double h = 1e-6 * Math.max(1, Math.abs(x[j]));
                double keep = x[j];
                x[j] = keep + h;
                double[] up = values(x);
                x[j] = keep - h;
                double[] down = values(x);
                x[j] = keep;
                for (int i = 0; i < v.length; i++) {
                    jac[i][j] = (up[i] - down[i]) / (2 * h);
                }
            }
            for (double value : v) {
                if (!Double.isFinite(value)) {
                    throw new MathIllegalStateException(org.hipparchus.exception.LocalizedCoreFormats.NAN_NOT_ALLOWED);
                }
            }
            return new Pair<>(new ArrayRealVector(v, false), new Array2DRowRealMatrix(jac, false));
        }
    }
}
