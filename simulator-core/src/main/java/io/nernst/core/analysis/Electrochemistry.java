package io.nernst.core.analysis;

/**
 * Closed-form analysis formulas used by the seed papers (physics.md section 8, solid-state.md
 * section 4), SI units throughout; every input is checked.
 */
public final class Electrochemistry {
    /** Faraday constant [C/mol]. */
    public static final double FARADAY = 96485.33212;
    /** Gas constant [J/(mol K)]. */
    public static final double GAS_CONSTANT = 8.314462618;

    private Electrochemistry() {
    }

    /**
     * Bruce-Vincent cation transference number (Evans, Vincent &amp; Bruce, Polymer 28 (1987) 2324):
     * t+ = I_s (dV - I_0 R_0) / (I_0 (dV - I_s R_s)).
     *
     * @param polarisation   dV [V], about 10 mV
     * @param initialCurrent I_0 [A]
     * @param steadyCurrent  I_s [A]
     * @param initialInterfacialResistance R_0 [ohm] (before polarisation)
     * @param steadyInterfacialResistance  R_s [ohm] (after)
     */
    public static double bruceVincent(double polarisation, double initialCurrent, double steadyCurrent,
            double initialInterfacialResistance, double steadyInterfacialResistance) {
        positive("polarisation dV", polarisation);
        positive("initial current I_0", initialCurrent);
        positive("steady current I_s", steadyCurrent);
        nonNegative("R_0", initialInterfacialResistance);
        nonNegative("R_s", steadyInterfacialResistance);
        if (steadyCurrent > initialCurrent) {
            throw new AnalysisException("steady current I_s = " + steadyCurrent + " A exceeds the initial I_0 = "
                    + initialCurrent + " A; the polarisation current decays");
        }
        double denominator = initialCurrent * (polarisation - steadyCurrent * steadyInterfacialResistance);
        double numerator = steadyCurrent * (polarisation - initialCurrent * initialInterfacialResistance);
        if (!(denominator > 0) || !(numerator > 0)) {
            throw new AnalysisException("the interfacial drops I R exceed the polarisation dV = " + polarisation
                    + " V: t+ is undefined");
        }
        return numerator / denominator;
    }

    /** Ionic conductivity sigma = L / (R S) [S/m] from a blocking-electrode cell. */
    public static double conductivity(double thickness, double resistance, double area) {
        positive("thickness L", thickness);
        positive("resistance R", resistance);
        positive("area S", area);
        return thickness / (resistance * area);
    }

    /**
     * Diffusivity from the Warburg coefficient (solid-state.md 4.2):
     * D = R^2 T^2 / (2 A^2 n^4 F^4 C^2 sigma_w^2), Z' = R_s + R_ct + sigma_w w^-1/2 with w in rad/s.
     * (Seed 003 prints n^2 F^2, which is dimensionally inconsistent.)
     *
     * @param warburgCoefficient sigma_w [ohm s^-1/2]
     * @param area               A [m2]
     * @param concentration      C [mol/m3]
     * @param electrons          n
     * @param temperature        T [K]
     * @return D [m2/s]
     */
    public static double warburgDiffusivity(double warburgCoefficient, double area, double concentration,
            int electrons, double temperature) {
        positive("Warburg coefficient", warburgCoefficient);
        positive("area A", area);
        positive("concentration C", concentration);
        positive("temperature T", temperature);
        if (electrons < 1) {
            throw new AnalysisException("electrons n = " + electrons + "; allowed: >= 1");
        }
        double nf = electrons * FARADAY;
        double rt = GAS_CONSTANT * temperature;
        return rt * rt / (2 * area * area * Math.pow(nf, 4) * concentration * concentration
                * warburgCoefficient * warburgCoefficient);
    }

    /**
     * The Warburg coefficient sigma_w [ohm s^-1/2]: slope of Z' against w^-1/2 (w = 2 pi f in rad/s)
     * by least squares over the frequencies at or below {@code maxFrequency}.
     */
    public static double warburgCoefficient(io.nernst.core.impedance.ImpedanceSpectrum z, double maxFrequency) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int m = 0;
        for (int k = 0; k < z.size(); k++) {
            if (z.frequency(k) <= maxFrequency) {
                double x = 1 / Math.sqrt(2 * Math.PI * z.frequency(k));
                sx += x;
                sy += z.real(k);
                sxx += x * x;
                sxy += x * z.real(k);
                m++;
            }
        }
        if (m < 3) {
            throw new AnalysisException("a Warburg slope needs at least 3 frequencies at or below " + maxFrequency
                    + " Hz, got " + m);
        }
        return (m * sxy - sx * sy) / (m * sxx - sx * sx);
    }

    /** Coulombic efficiency Q_discharge / Q_charge of one cycle. */
    public static double coulombicEfficiency(double chargeCapacity, double dischargeCapacity) {
        positive("charge capacity", chargeCapacity);
        nonNegative("discharge capacity", dischargeCapacity);
        return dischargeCapacity / chargeCapacity;
    }

    /** Capacity retention Q_k / Q_first for every cycle. */
    public static double[] capacityRetention(double[] capacities) {
        if (capacities.length == 0) {
            throw new AnalysisException("capacity retention needs at least one cycle");
        }
        positive("first-cycle capacity", capacities[0]);
        double[] r = new double[capacities.length];
        for (int k = 0; k < r.length; k++) {
            nonNegative("capacity of cycle " + (k + 1), capacities[k]);
            r[k] = capacities[k] / capacities[0];
        }
        return r;
    }

    static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new AnalysisException(what + " is " + v + "; allowed: finite and > 0");
        }
    }

    static void nonNegative(String what, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new AnalysisException(what + " is " + v + "; allowed: finite and >= 0");
        }
    }
}
