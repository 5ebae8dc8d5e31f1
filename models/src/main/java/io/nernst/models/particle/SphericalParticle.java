package io.nernst.models.particle;

import io.nernst.models.assembly.JacobianRecorder;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.solvers.fv.Mesh1D;
import io.nernst.solvers.fv.Stretching;

/**
 * Finite-volume discretisation of Fickian diffusion in a sphere (physics.md section 3):
 * dc/dt = (1/r^2) d/dr (r^2 D_s dc/dr), dc/dr(0) = 0, -D_s dc/dr(R) = N (outward molar flux
 * density [mol/(m2 s)], N = theta j / F for interfacial current j).
 *
 * <p>Unknowns of one particle block: the shell concentrations c_0..c_{n-1} (centre to
 * surface; each the shell's volume average) followed by the surface concentration c_R as an
 * algebraic unknown. Shells are exact finite volumes (volumes (r_{k+1}^3 - r_k^3)/3, face
 * areas r_k^2 per steradian), so lithium is conserved to round-off.
 *
 * <p>Accuracy. The solution is smooth and even in r, and under constant flux it tends to
 * A(t) + B r^2 (Crank, The Mathematics of Diffusion, eq. 6.44). The two-point flux is
 * therefore written exactly for profiles A + B r^2 in terms of shell averages: with
 * rho2_k the shell average of r^2, dc/dr(r_f) = 2 r_f (c_k - c_{k-1}) / (rho2_k - rho2_{k-1}),
 * which reduces to the usual (c_k - c_{k-1}) / (r_k - r_{k-1}) plus O(h^2). Likewise the surface
 * concentration is the value at R of the profile A + B r^2 + C r^4 whose averages over the two
 * outermost shells are c_{n-1}, c_{n-2} and whose slope at R is the boundary flux,
 * dc/dr(R) = -N / D_s(c_R). Both remain conservative two-point / local formulas, second
 * order for general profiles and exact for the quasi-steady parabolic one; a plain
 * midpoint-node scheme leaves about 1 % of c_R - c_mean as error at 11 shells, enough to
 * cost a few tenths of a millivolt at 1C. Because N depends on c_R through the kinetics, c_R
 * is an unknown with the equation
 * <pre>  c_R - w_1 c_{n-1} - w_2 c_{n-2} + w_N N / D_s(c_R) = 0</pre>
 * and the DAE stays index one.
 *
 * <p>The diffusivity may depend on stoichiometry; face values use D_s at the arithmetic mean
 * of the neighbouring shells. Residual rows are in rate form: shell rows are
 * dc_k/dt - (net inflow)/V_k [mol/(m3 s)], the surface row is in mol/m3.
 */
public final class SphericalParticle {
    private final double radius;
    private final int shells;
    private final Mesh1D mesh;
    private final double[] volume;
    /** r_f^2 / (r_k - r_{k-1}) for interior faces f = k (1..n-1). */
    private final double[] faceGeometry;
    private final double surfaceArea;
    private final double extrapolationLast;
    private final double extrapolationPrevious;
    private final double extrapolationFlux;
    /** (h / pi)^2 with h the outer shell's thickness: the surface offset relaxes in (h / pi)^2 / D_s. */
    private final double relaxationArea;
    /** True: the surface row relaxes from c0 (differential); false: the algebraic quasi-steady row. */
    private final boolean relaxedSurface;
    private final DifferentiableFunction diffusivity;
    private final boolean constantDiffusivity;
    private final double maximumConcentration;

    /**
     * @param radius               R [m]
     * @param shells               number of shells n >= 1
     * @param stretching           radial face placement (uniform, or clustered toward the surface)
     * @param diffusivity          D_s(stoichiometry, T) [m2/s]
     * @param maximumConcentration c_max [mol/m3], to form the stoichiometry
     */
    public SphericalParticle(double radius, int shells, Stretching stretching, DifferentiableFunction diffusivity,
                             double maximumConcentration) {
        this(radius, shells, stretching, diffusivity, maximumConcentration, false);
    }

    /**
     * As the five-argument constructor; with {@code relaxedSurface} the surface row is the
     * relaxation (h/pi)^2 d(delta)/dt + D_s delta + w_N N = 0 (issue 8, section 4: c_R(0) = c0,
     * a differential unknown the caller must not mark algebraic); without it the algebraic
     * quasi-steady reconstruction c_R - w_1 c_{n-1} - w_2 c_{n-2} + w_N N / D_s = 0.
     */
    public SphericalParticle(double radius, int shells, Stretching stretching, DifferentiableFunction diffusivity,
                             double maximumConcentration, boolean relaxedSurface) {
        this.relaxedSurface = relaxedSurface;
        if (shells < 1) {
            throw new IllegalArgumentException("a particle needs at least 1 shell, got " + shells);
        }
        this.radius = radius;
        this.shells = shells;
        this.mesh = Mesh1D.sphere(radius, shells, stretching);
        this.volume = mesh.volumes();
        this.faceGeometry = new double[shells];
        // Shell averages of r^2 and r^4 (dimensionless, r/R), from the moments of r^2 dr.
        double[] rho2 = new double[shells];
        double[] rho4 = new double[shells];
        for (int k = 0; k < shells; k++) {
            double a = mesh.faceAt(k) / radius;
            double b = mesh.faceAt(k + 1) / radius;
            double q3 = b * b + a * b + a * a;                        // (b^3 - a^3)/(b - a)
            double q5 = b * b * b * b + b * b * b * a + b * b * a * a + b * a * a * a + a * a * a * a;
            double q7 = 0.0;
            for (int e = 0; e <= 6; e++) {
                q7 += Math.pow(b, 6 - e) * Math.pow(a, e);
            }
            rho2[k] = 0.6 * q5 / q3;
            rho4[k] = 3.0 / 7.0 * q7 / q3;
        }
        for (int k = 1; k < shells; k++) {
            double rf = mesh.faceAt(k);
            // flux area r_f^2 times dc/dr = 2 r_f (c_k - c_{k-1}) / (R^2 (rho2_k - rho2_{k-1}))
            faceGeometry[k] = rf * rf * 2.0 * rf / (radius * radius * (rho2[k] - rho2[k - 1]));
        }
        this.surfaceArea = radius * radius;
        double outer = radius - mesh.faceAt(shells - 1);
        this.relaxationArea = outer * outer / (Math.PI * Math.PI);
        this.diffusivity = diffusivity;
        this.constantDiffusivity = diffusivity.independentOfState();
        this.maximumConcentration = maximumConcentration;
        int n = shells - 1;
        if (shells >= 2) {
            // Weights w with c_R = w1 c_n + w2 c_{n-1} + w3 R dc/dr(R) for c = A + B s^2 + C s^4 (s = r/R):
            // solve M^T w = (1, 1, 1) with rows of M: (1, rho2_n, rho4_n), (1, rho2_{n-1}, rho4_{n-1}), (0, 2, 4).
            double[][] mt = {
                {1.0, 1.0, 0.0},
                {rho2[n], rho2[n - 1], 2.0},
                {rho4[n], rho4[n - 1], 4.0}};
            double[] w = solve3(mt, new double[] {1.0, 1.0, 1.0});
            extrapolationLast = w[0];
            extrapolationPrevious = w[1];
            // c_R = ... + w3 R g with g = -N / D  =>  residual term + w3 R N / D
            extrapolationFlux = w[2] * radius;
        } else {
            // c = A + B s^2: c_R = c_0 + B (1 - rho2_0), slope 2 B = R g.
            extrapolationLast = 1.0;
            extrapolationPrevious = 0.0;
            extrapolationFlux = 0.5 * (1.0 - rho2[0]) * radius;
        }
    }

    /** Solves a 3 x 3 system by Cramer's rule (construction time only). */
    private static double[] solve3(double[][] m, double[] b) {
        double det = det3(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]);
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] t = {m[0].clone(), m[1].clone(), m[2].clone()};
            for (int r = 0; r < 3; r++) {
                t[r][c] = b[r];
            }
            x[c] = det3(t[0][0], t[0][1], t[0][2], t[1][0], t[1][1], t[1][2], t[2][0], t[2][1], t[2][2]) / det;
        }
        return x;
    }

    private static double det3(double a, double b, double c, double d, double e, double f, double g, double h, double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }

    /** Unknowns per particle: shells + 1 (the surface concentration). */
    public int unknowns() {
        return shells + 1;
    }

    public int shells() {
        return shells;
    }

    public double radius() {
        return radius;
    }

    public Mesh1D mesh() {
        return mesh;
    }

    /** Index of the surface concentration within the block. */
    public int surfaceIndex() {
        return shells;
    }

    /** Mean concentration sum V_k c_k / (R^3 / 3) of the block starting at {@code offset}. */
    public double averageConcentration(double[] y, int offset) {
        double s = 0.0;
        for (int k = 0; k < shells; k++) {
            s += volume[k] * y[offset + k];
        }
        return 3.0 * s / (radius * radius * radius);
    }

    /** d(average)/dt from the shell time derivatives. */
    public double averageRate(double[] yDot, int offset) {
        return averageConcentration(yDot, offset);
    }

    /**
     * Writes the block's residual rows for outward molar flux density N.
     */
    public void residual(double[] y, double[] yDot, int offset, double molarFlux, double temperature, double[] residual) {
        double inflow = 0.0; // r^2-weighted flux into shell k through its inner face
        double constant = constantDiffusivity ? diffusivity.value(0.0, temperature) : Double.NaN;
        for (int k = 0; k < shells; k++) {
            double outflow;
            if (k < shells - 1) {
                double cl = y[offset + k];
                double cr = y[offset + k + 1];
                double d = constantDiffusivity ? constant : diffusivity.value(0.5 * (cl + cr) / maximumConcentration, temperature);
                outflow = -d * faceGeometry[k + 1] * (cr - cl);
            } else {
                outflow = surfaceArea * molarFlux;
            }
            residual[offset + k] = yDot[offset + k] - (inflow - outflow) / volume[k];
            inflow = outflow;
        }
        double cs = y[offset + shells];
        double previous = shells >= 2 ? y[offset + shells - 2] : 0.0;
        double previousRate = shells >= 2 ? yDot[offset + shells - 2] : 0.0;
        double surfaceDiffusivity = constantDiffusivity ? constant : diffusivity.value(cs / maximumConcentration, temperature);
        double offsetFromShells = cs - extrapolationLast * y[offset + shells - 1] - extrapolationPrevious * previous;
        if (!relaxedSurface) {
            residual[offset + shells] = offsetFromShells + extrapolationFlux * molarFlux / surfaceDiffusivity;
            return;
        }
        double offsetRate = yDot[offset + shells] - extrapolationLast * yDot[offset + shells - 1] - extrapolationPrevious * previousRate;
        residual[offset + shells] = relaxationArea * offsetRate + surfaceDiffusivity * offsetFromShells + extrapolationFlux * molarFlux;
    }

    /**
     * Adds the block's Jacobian entries with respect to its own unknowns (dF/dy + cj dF/dy'),
     * treating the molar flux as fixed; the caller adds the flux dependence with
     * {@link #outerShellFluxSensitivity()} and {@link #surfaceFluxSensitivity}.
     * The sequence of add calls depends only on the shell count.
     */
    public void jacobian(double[] y, int offset, double molarFlux, double temperature, double cj, JacobianRecorder jac) {
        for (int k = 0; k < shells; k++) {
            jac.add(offset + k, offset + k, cj);
        }
        for (int k = 0; k < shells - 1; k++) {
            // face between shells k and k+1: outflow of k = inflow of k+1 = -D G (c_{k+1} - c_k)
            double cl = y[offset + k];
            double cr = y[offset + k + 1];
            double sto = 0.5 * (cl + cr) / maximumConcentration;
            double d = diffusivity.value(sto, temperature);
            double dd = 0.5 * diffusivity.derivative(sto, temperature) / maximumConcentration;
            double g = faceGeometry[k + 1];
            double dFluxDl = -dd * g * (cr - cl) + d * g;
            double dFluxDr = -dd * g * (cr - cl) - d * g;
            // residual_k = ... + outflow / V_k ; residual_{k+1} = ... - inflow / V_{k+1}
            jac.add(offset + k, offset + k, dFluxDl / volume[k]);
            jac.add(offset + k, offset + k + 1, dFluxDr / volume[k]);
            jac.add(offset + k + 1, offset + k, -dFluxDl / volume[k + 1]);
            jac.add(offset + k + 1, offset + k + 1, -dFluxDr / volume[k + 1]);
        }
        int s = offset + shells;
        double cs = y[s];
        double d = diffusivity.value(cs / maximumConcentration, temperature);
        double dd = diffusivity.derivative(cs / maximumConcentration, temperature) / maximumConcentration;
        if (!relaxedSurface) {
            jac.add(s, s, 1.0 - extrapolationFlux * molarFlux * dd / (d * d));
            jac.add(s, offset + shells - 1, -extrapolationLast);
            if (shells >= 2) {
                jac.add(s, offset + shells - 2, -extrapolationPrevious);
            }
            return;
        }
        double previous = shells >= 2 ? y[offset + shells - 2] : 0.0;
        double offsetFromShells = cs - extrapolationLast * y[offset + shells - 1] - extrapolationPrevious * previous;
        double g = cj * relaxationArea + d;
        jac.add(s, s, g + dd * offsetFromShells);
        jac.add(s, offset + shells - 1, -g * extrapolationLast);
        if (shells >= 2) {
            jac.add(s, offset + shells - 2, -g * extrapolationPrevious);
        }
    }

    /** d(outer shell residual)/dN. */
    public double outerShellFluxSensitivity() {
        return surfaceArea / volume[shells - 1];
    }

    /** d(surface residual)/dN at surface concentration cs (relaxed rows are multiplied by D_s: independent of cs). */
    public double surfaceFluxSensitivity(double surfaceConcentration, double temperature) {
        if (relaxedSurface) {
            return extrapolationFlux;
        }
        return extrapolationFlux / diffusivity.value(surfaceConcentration / maximumConcentration, temperature);
    }

    /**
     * The surface concentration consistent with the shells and flux N, solving the surface
     * equation (a fixed point in c_R when D_s depends on it); used for initial guesses.
     */
    public double surfaceConcentration(double[] y, int offset, double molarFlux, double temperature) {
        double base = extrapolationLast * y[offset + shells - 1] + (shells >= 2 ? extrapolationPrevious * y[offset + shells - 2] : 0.0);
        double cs = base;
        for (int iteration = 0; iteration < 50; iteration++) {
            double next = base - extrapolationFlux * molarFlux / diffusivity.value(cs / maximumConcentration, temperature);
            if (Math.abs(next - cs) <= 1e-13 * Math.abs(next)) {
                return next;
            }
            cs = next;
        }
        return cs;
    }

    /** Shell volumes per steradian (copy). */
    public double[] shellVolumes() {
        return volume.clone();
    }

    /** Shell nodes [m] (copy). */
    public double[] shellCentres() {
        return mesh.centres();
    }
}
