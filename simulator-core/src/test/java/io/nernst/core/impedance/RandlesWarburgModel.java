package io.nernst.core.impedance;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.model.FieldOutput;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal cell model with a known spectrum: a Randles circuit whose faradaic branch ends in a
 * finite-length diffusion line (physics.md section 9), written as a cell DAE like the real models.
 *
 * <pre>
 * unknowns: u_0..u_{N-1} (differential, slab of length l in N finite volumes), eta (differential,
 *           double-layer voltage), i_f (algebraic, faradaic current), I (algebraic, terminal current)
 * h u_k' = (flux in) - (flux out),  flux at x = 0: i_f;  inner faces D (u_k - u_{k+1})/h;
 *          x = l: transmissive u = 0 (flux D u_{N-1}/(h/2)) or reflective (no flux)
 * C eta' = I - i_f
 * 0      = eta - R_ct i_f - k u(0),  u(0) = u_0 + (h/2) i_f / D
 * 0      = control (I - I*, V - V* or I V - P*)
 * V      = E0 - R_s I - eta
 * </pre>
 * Exact: Z = R_s + 1/(i w C + 1/(R_ct + Z_W)), with Z_W = R_d tanh(s)/s (transmissive) or
 * R_d coth(s)/s (reflective), s = sqrt(i w tau), tau = l^2/D, R_d = k l / D. With k = 0 the
 * diffusion line is disconnected and the model is exactly the Randles circuit.
 */
final class RandlesWarburgModel implements CellModel {
    final double seriesResistance;
    final double chargeTransferResistance;
    final double capacitance;
    final double coupling;
    final double length;
    final double diffusivity;
    final boolean transmissive;
    final int cells;
    final double e0 = 3.7;
    private final CsrMatrix pattern;
    private Control control = Control.CURRENT;
    private double target;

    RandlesWarburgModel(double rs, double rct, double c, double coupling, double length, double diffusivity,
            boolean transmissive, int cells) {
        this.seriesResistance = rs;
        this.chargeTransferResistance = rct;
        this.capacitance = c;
        this.coupling = coupling;
        this.length = length;
        this.diffusivity = diffusivity;
        this.transmissive = transmissive;
        this.cells = cells;
        List<int[]> e = new ArrayList<>();
        int eta = cells;
        int jf = cells + 1;
        int iI = cells + 2;
        for (int k = 0; k < cells; k++) {
            e.add(new int[] {k, k});
            if (k > 0) {
                e.add(new int[] {k, k - 1});
            }
            if (k < cells - 1) {
                e.add(new int[] {k, k + 1});
            }
        }
        e.add(new int[] {0, jf});
        e.add(new int[] {eta, eta});
        e.add(new int[] {eta, jf});
        e.add(new int[] {eta, iI});
        e.add(new int[] {jf, eta});
        e.add(new int[] {jf, jf});
        e.add(new int[] {jf, 0});
        e.add(new int[] {iI, iI});
        e.add(new int[] {iI, eta});
        int[] r = new int[e.size()];
        int[] col = new int[e.size()];
        for (int k = 0; k < e.size(); k++) {
            r[k] = e.get(k)[0];
            col[k] = e.get(k)[1];
        }
        pattern = CsrMatrix.fromTriplets(cells + 3, cells + 3, r, col, null, e.size());
    }

    /** The exact impedance at f [Hz]: {re, im}. */
    double[] exact(double f) {
        double w = 2 * Math.PI * f;
        double tau = length * length / diffusivity;
        double rd = coupling * length / diffusivity;
        double[] zw = {0, 0};
        if (coupling != 0) {
            // s = sqrt(i w tau) = sqrt(w tau / 2) (1 + i)
            double a = Math.sqrt(w * tau / 2);
            double[] th = transmissive ? tanh(a, a) : coth(a, a);
            double[] q = div(th, new double[] {a, a});
            zw = new double[] {rd * q[0], rd * q[1]};
        }
        double[] branch = {chargeTransferResistance + zw[0], zw[1]};
        double[] adm = div(new double[] {1, 0}, branch);
        adm[1] += w * capacitance;
        double[] z = div(new double[] {1, 0}, adm);
        return new double[] {seriesResistance + z[0], z[1]};
    }

    private static double[] div(double[] p, double[] q) {
        double d = q[0] * q[0] + q[1] * q[1];
        return new double[] {(p[0] * q[0] + p[1] * q[1]) / d, (p[1] * q[0] - p[0] * q[1]) / d};
    }

    /** tanh(x + i y) = (sinh 2x + i sin 2y) / (cosh 2x + cos 2y). */
    private static double[] tanh(double x, double y) {
        if (x > 20) {
            return new double[] {1, 0};
        }
        double d = Math.cosh(2 * x) + Math.cos(2 * y);
        return new double[] {Math.sinh(2 * x) / d, Math.sin(2 * y) / d};
    }

    private static double[] coth(double x, double y) {
        return div(new double[] {1, 0}, tanh(x, y));
    }

    @Override
    public String name() {
        return "Randles-Warburg";
    }

    @Override
    public int dimension() {
        return cells + 3;
    }

    @Override
    public boolean isAlgebraic(int i) {
        return i > cells;
    }

    @Override
    public void residual(double t, double[] y, double[] yDot, double[] f) {
        double h = length / cells;
        int eta = cells;
        int jf = cells + 1;
        int iI = cells + 2;
        for (int k = 0; k < cells; k++) {
            double in = k == 0 ? y[jf] : diffusivity * (y[k - 1] - y[k]) / h;
            double out = k < cells - 1 ? diffusivity * (y[k] - y[k + 1]) / h
                    : (transmissive ? diffusivity * y[k] / (h / 2) : 0.0);
            f[k] = h * yDot[k] - (in - out);
        }
        f[eta] = capacitance * yDot[eta] - (y[iI] - y[jf]);
        double surface = y[0] + 0.5 * h * y[jf] / diffusivity;
        f[jf] = y[eta] - chargeTransferResistance * y[jf] - coupling * surface;
        double v = voltage(y);
        switch (control) {
            case CURRENT:
                f[iI] = y[iI] - target;
                break;
            case VOLTAGE:
                f[iI] = v - target;
                break;
            default:
                f[iI] = y[iI] * v - target;
        }
    }

    @Override
    public CsrMatrix jacobianPattern() {
        return pattern;
    }

    /** Analytic Jacobian (tests switch it off to exercise the finite-difference linearisation). */
    boolean analytic = true;

    @Override
    public boolean hasAnalyticJacobian() {
        return analytic;
    }

    @Override
    public void jacobian(double t, double[] y, double[] yDot, double cj, CsrMatrix j) {
        j.zeroValues();
        double[] v = j.values();
        double h = length / cells;
        int eta = cells;
        int jf = cells + 1;
        int iI = cells + 2;
        for (int k = 0; k < cells; k++) {
            double diag = h * cj;
            if (k > 0) {
                diag += diffusivity / h;
                v[j.slot(k, k - 1)] = -diffusivity / h;
            }
            if (k < cells - 1) {
                diag += diffusivity / h;
                v[j.slot(k, k + 1)] = -diffusivity / h;
            } else if (transmissive) {
                diag += diffusivity / (h / 2);
            }
            v[j.slot(k, k)] = diag;
        }
        v[j.slot(0, jf)] += -1.0;
        v[j.slot(eta, eta)] = capacitance * cj;
        v[j.slot(eta, jf)] = 1.0;
        v[j.slot(eta, iI)] = -1.0;
        v[j.slot(jf, eta)] = 1.0;
        v[j.slot(jf, jf)] = -chargeTransferResistance - coupling * 0.5 * h / diffusivity;
        v[j.slot(jf, 0)] = -coupling;
        double volt = voltage(y);
        switch (control) {
            case CURRENT:
                v[j.slot(iI, iI)] = 1.0;
                break;
            case VOLTAGE:
                v[j.slot(iI, iI)] = -seriesResistance;
                v[j.slot(iI, eta)] = -1.0;
                break;
            default:
                v[j.slot(iI, iI)] = volt - y[iI] * seriesResistance;
                v[j.slot(iI, eta)] = -y[iI];
        }
    }

    @Override
    public double[] initialState() {
        return new double[cells + 3];
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
        return y[cells + 2];
    }

    @Override
    public double voltage(double[] y) {
        return e0 - seriesResistance * y[cells + 2] - y[cells];
    }

    @Override
    public double nominalCapacity() {
        return 1.0;
    }

    @Override
    public double electrodeArea() {
        return 1e-2;
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
