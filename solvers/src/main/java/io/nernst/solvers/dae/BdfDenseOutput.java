package io.nernst.solvers.dae;

import java.util.Arrays;

/**
 * The solution history of the BDF method as modified divided differences phi_j with the step
 * sums psi_j (Brenan, Campbell &amp; Petzold 1996, ch. 5), and the interpolating polynomial of the
 * last accepted step built from them (IDAGetSolution): with delta = t - t_n,
 * y(t) = sum_j c_j phi_j where c_0 = 1, c_j = c_{j-1} (delta + psi_{j-2}) / psi_{j-1}. At the
 * step's end points it returns the stored corrector values so that step-end states are exactly
 * those reported elsewhere.
 */
final class BdfDenseOutput implements DenseOutput {
    static final int MAX_ORDER = 5;

    /** phi_0..phi_{MAX_ORDER+1}; rows are (re)allocated by {@link #allocate}. */
    final double[][] phi = new double[MAX_ORDER + 2][];
    /** psi_j = t_n - t_{n-j-1} sums of past step sizes (IDA's psi). */
    final double[] psi = new double[MAX_ORDER + 2];

    private int n;
    private double[] yEnd;
    private double[] ypEnd;
    private double[] yStart;
    private double[] ypStart;
    private double previous;
    private double current;
    private double tn;
    private int order;

    /** Allocates the history for dimension n; the step-end and step-start vectors are the integrator's. */
    void allocate(int dimension, double[] yStepEnd, double[] ypStepEnd, double[] yStepStart, double[] ypStepStart) {
        this.n = dimension;
        for (int j = 0; j < phi.length; j++) {
            phi[j] = new double[dimension];
        }
        this.yEnd = yStepEnd;
        this.ypEnd = ypStepEnd;
        this.yStart = yStepStart;
        this.ypStart = ypStepStart;
    }

    /** The accepted step now ends at {@code stepTime} and was taken at order {@code usedOrder}. */
    void accepted(double stepTime, int usedOrder) {
        this.tn = stepTime;
        this.order = usedOrder;
    }

    /** The interval the listener sees. */
    void set(double previousTime, double currentTime) {
        previous = previousTime;
        current = currentTime;
    }

    /** phi_{k+1} = e (kept for the next order-raise estimate); phi_j += phi_{j+1} downwards. */
    void update(double[] correction, int kused) {
        if (kused < MAX_ORDER) {
            System.arraycopy(correction, 0, phi[kused + 1], 0, n);
        }
        double[] pk = phi[kused];
        for (int i = 0; i < n; i++) {
            pk[i] += correction[i];
        }
        for (int j = kused - 1; j >= 0; j--) {
            double[] pj = phi[j];
            double[] pj1 = phi[j + 1];
            for (int i = 0; i < n; i++) {
                pj[i] += pj1[i];
            }
        }
    }

    @Override
    public double previousTime() {
        return previous;
    }

    @Override
    public double currentTime() {
        return current;
    }

    @Override
    public void interpolate(double t, double[] y, double[] yDot) {
        if (t == tn) {
            System.arraycopy(yEnd, 0, y, 0, n);
            if (yDot != null) {
                System.arraycopy(ypEnd, 0, yDot, 0, n);
            }
            return;
        }
        if (t == previous) {
            System.arraycopy(yStart, 0, y, 0, n);
            if (yDot != null) {
                System.arraycopy(ypStart, 0, yDot, 0, n);
            }
            return;
        }
        double deltaT = t - tn;
        double c = 1.0;
        double d = 0.0;
        double gam = deltaT / psi[0];
        int k = Math.max(order, 1);
        System.arraycopy(phi[0], 0, y, 0, n);
        if (yDot != null) {
            Arrays.fill(yDot, 0, n, 0.0);
        }
        for (int j = 1; j <= k; j++) {
            d = d * gam + c / psi[j - 1];
            c = c * gam;
            gam = (deltaT + psi[j - 1]) / psi[j];
            double[] p = phi[j];
            for (int i = 0; i < n; i++) {
                y[i] += c * p[i];
            }
            if (yDot != null) {
                for (int i = 0; i < n; i++) {
                    yDot[i] += d * p[i];
                }
            }
        }
    }
}
