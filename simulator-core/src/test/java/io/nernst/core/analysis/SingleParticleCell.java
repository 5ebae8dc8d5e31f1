package io.nernst.core.analysis;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.model.FieldOutput;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.List;

/**
 * A single spherical particle with a known, constant diffusivity, for titration tests: N
 * finite-volume shells with faces r_k = R (1 - (1 - k/N)^2), fine at the surface where a
 * titration pulse's diffusion layer is thin at early times, a molar inflow I/(F n_p) per particle on discharge, surface
 * concentration extrapolated by half a shell, V = U(c_s/c_max) - R_ohm I with
 * U(x) = 4.2 - 0.5 x - 0.1 x^2 V. Unknowns: c_0..c_{N-1} (differential), I (algebraic).
 */
final class SingleParticleCell implements CellModel {
    static final double FARADAY = 96485.33212;
    final double radius;
    final double diffusivity;
    final double cMax = 50000;
    final double c0;
    final double particles;
    final double ohmic = 0.05;
    final int shells;
    private final CsrMatrix pattern;
    private final double[] face;
    private Control control = Control.CURRENT;
    private double target;

    /** Nominal capacity 1 A.h: the particle count follows from R and c_max. */
    SingleParticleCell(double radius, double diffusivity, double c0, int shells) {
        this.radius = radius;
        this.diffusivity = diffusivity;
        this.c0 = c0;
        this.shells = shells;
        double perParticle = FARADAY * 4.0 / 3.0 * Math.PI * radius * radius * radius * cMax / 3600.0;
        this.particles = 1.0 / perParticle;
        face = new double[shells + 1];
        for (int k = 0; k <= shells; k++) {
            double u = 1.0 - (double) k / shells;
            face[k] = radius * (1 - u * u);
        }
        face[shells] = radius;
        int n = shells + 1;
        int[] r = new int[4 * n];
        int[] c = new int[4 * n];
        int k = 0;
        for (int i = 0; i < shells; i++) {
            for (int j = Math.max(0, i - 1); j <= Math.min(shells - 1, i + 1); j++) {
                r[k] = i;
                c[k++] = j;
            }
        }
        r[k] = shells - 1;
        c[k++] = shells;
        r[k] = shells;
        c[k++] = shells;
        r[k] = shells;
        c[k++] = shells - 1;
        pattern = CsrMatrix.fromTriplets(n, n, r, c, null, k);
    }

    double ocp(double x) {
        return 4.2 - 0.5 * x - 0.1 * x * x;
    }

    double surface(double[] y) {
        double dr = face[shells] - face[shells - 1];
        double flux = y[shells] / (FARADAY * particles * 4 * Math.PI * radius * radius);
        return y[shells - 1] + 0.5 * dr * flux / diffusivity;
    }

    @Override
    public void residual(double t, double[] y, double[] yDot, double[] f) {
        for (int i = 0; i < shells; i++) {
            double rIn = face[i];
            double rOut = face[i + 1];
            double volume = 4.0 / 3.0 * Math.PI * (rOut * rOut * rOut - rIn * rIn * rIn);
            double in = i > 0 ? diffusivity * 4 * Math.PI * rIn * rIn * (y[i - 1] - y[i]) / centreDistance(i - 1) : 0;
            double out = i < shells - 1 ? diffusivity * 4 * Math.PI * rOut * rOut * (y[i] - y[i + 1]) / centreDistance(i)
                    : -y[shells] / (FARADAY * particles);
            f[i] = volume * yDot[i] - (in - out);
        }
        double v = voltage(y);
        f[shells] = switch (control) {
            case CURRENT -> y[shells] - target;
            case VOLTAGE -> v - target;
            default -> y[shells] * v - target;
        };
    }

    /** Distance between the centres of shells i and i + 1. */
    private double centreDistance(int i) {
        return 0.5 * (face[i + 2] - face[i]);
    }

    @Override
    public String name() {
        return "single particle";
    }

    @Override
    public int dimension() {
        return shells + 1;
    }

    @Override
    public boolean isAlgebraic(int i) {
        return i == shells;
    }

    @Override
    public CsrMatrix jacobianPattern() {
        return pattern;
    }

    @Override
    public double[] initialState() {
        double[] y = new double[shells + 1];
        java.util.Arrays.fill(y, 0, shells, c0);
        return y;
    }

    @Override
    public void setControl(Control control, double target) {
        this.control = control;
        this.target = target;
    }

    @Override
    public Control control() {
        return control;
    }

    @Override
    public double current(double[] y) {
        return y[shells];
    }

    @Override
    public double voltage(double[] y) {
        return ocp(surface(y) / cMax) - ohmic * y[shells];
    }

    @Override
    public double nominalCapacity() {
        return 1.0;
    }

    @Override
    public double electrodeArea() {
        return 0.01;
    }

    @Override
    public List<String> scalarOutputNames() {
        return List.of();
    }

    @Override
    public void scalarOutputs(double t, double[] y, double[] yDot, double[] out) {
    }

    @Override
    public List<FieldOutput> fieldOutputs() {
        return List.of();
    }

    @Override
    public void field(int index, double t, double[] y, double[] yDot, double[] out) {
    }
}
