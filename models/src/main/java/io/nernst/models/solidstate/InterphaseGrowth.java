package io.nernst.models.solidstate;

import io.nernst.models.materials.Constants;

/**
 * Growth of a resistive interphase by oxidative decomposition of the catholyte above its
 * stability limit U_ox (physics.md section 5; solid-state.md section 2.11), written so that a
 * constant potential gives exactly the parabolic law R(t) = R_0 + k sqrt(t - t_0) that Kochetkov
 * et al., Energy Environ. Sci. 15 (2022) 3933, fitted to R_cathode(t) of NCM85 with Li3InCl6
 * held at 4.3 and 4.6 V vs Li.
 *
 * <p><b>Law.</b> The film grows by transport through itself (Wagner's parabolic oxidation: the
 * rate is inversely proportional to the thickness), so its area-specific resistance r
 * [ohm m2 of contact] obeys r dr/dt = B(E), i.e. the square s = r^2 grows linearly:
 * <pre>
 *   ds/dt = 2 B(E),   B(E) = B_ref g(E - U_ox) / g(E_ref - U_ox),   B_ref = k_ref^2 / 2
 * </pre>
 * with E = phi_s - phi_e at the interface and k_ref the parabolic constant measured at E_ref.
 * The drive g is {@link Drive#LINEAR} (g = max(E - U_ox, 0): the film grows in proportion to the
 * driving force above the stability limit and not at all below it, the Wagner form) or
 * {@link Drive#TAFEL} (g = exp(alpha F (E - U_ox)/(R T)): an activated side reaction, the form
 * proposed in solid-state.md 2.11, not zero below U_ox). Held at constant E, r(t) =
 * sqrt(r_0^2 + 2 B t) = k sqrt(t - t_0) with k = sqrt(2 B) and t_0 = -r_0^2/(2 B).
 *
 * <p><b>Charge and lithium.</b> Each formula unit of interphase (molar volume V_m) takes z
 * electrons, and the film resistivity rho_f turns thickness into resistance (r = rho_f delta),
 * so the side current density is j_side = (z F / (V_m rho_f)) dr/dt = Gamma B / r and the side
 * charge since the start is q = Gamma (r - r_0) [C/m2]. That charge passes without inserting
 * lithium into the active material: nu q / F mol/m2 of cyclable lithium (nu lithium per
 * electron, 1 by default) are lost (physics.md section 5). A native film r_0 > 0 is required
 * (with r_0 = 0 the initial side current is infinite).
 */
public final class InterphaseGrowth {

    /** Potential dependence of the growth rate. */
    public enum Drive {
        /** g = max(E - U_ox, 0). */
        LINEAR,
        /** g = exp(alpha F (E - U_ox) / (R T)). */
        TAFEL
    }

    private final double stabilityLimit;
    private final Drive drive;
    private final double transferCoefficient;
    private final double referenceRate;
    private final double referencePotential;
    private final double referenceTemperature;
    private final double chargePerResistance;
    private final double lithiumPerElectron;
    private final double initialResistance;

    /**
     * @param stabilityLimit        U_ox [V vs Li] (Li3InCl6: 4.27 V, Kochetkov 2022 CV onset)
     * @param drive                 potential dependence
     * @param transferCoefficient   alpha of {@link Drive#TAFEL} (ignored for LINEAR)
     * @param parabolicConstant     k_ref [ohm m2 / s^0.5] measured at referencePotential
     * @param referencePotential    E_ref [V vs Li], must drive growth (above U_ox for LINEAR)
     * @param referenceTemperature  T of the Tafel exponent [K]
     * @param filmMolarVolume       V_m [m3/mol]
     * @param electronsPerUnit      z
     * @param filmResistivity       rho_f [ohm m]
     * @param lithiumPerElectron    nu (cyclable lithium lost per electron of side charge)
     * @param initialResistance     r_0 [ohm m2] of the native film, > 0
     */
    public InterphaseGrowth(double stabilityLimit, Drive drive, double transferCoefficient, double parabolicConstant,
                            double referencePotential, double referenceTemperature, double filmMolarVolume,
                            double electronsPerUnit, double filmResistivity, double lithiumPerElectron,
                            double initialResistance) {
        if (!(parabolicConstant > 0) || !Double.isFinite(parabolicConstant)) {
            throw new IllegalArgumentException("interphase.parabolic_constant = " + parabolicConstant + " must be finite and > 0");
        }
        if (drive == Drive.LINEAR && !(referencePotential > stabilityLimit)) {
            throw new IllegalArgumentException("interphase.reference_potential = " + referencePotential
                    + " V must exceed the stability limit " + stabilityLimit + " V for the linear drive");
        }
        if (drive == Drive.TAFEL && !(transferCoefficient > 0 && transferCoefficient <= 1)) {
            throw new IllegalArgumentException("interphase.transfer_coefficient = " + transferCoefficient + " is outside (0, 1]");
        }
        if (!(filmMolarVolume > 0) || !(electronsPerUnit > 0) || !(filmResistivity > 0)) {
            throw new IllegalArgumentException("film molar volume " + filmMolarVolume + " m3/mol, electrons " + electronsPerUnit
                    + " and resistivity " + filmResistivity + " ohm m must be > 0");
        }
        if (!(lithiumPerElectron >= 0 && lithiumPerElectron <= 1)) {
            throw new IllegalArgumentException("interphase.lithium_per_electron = " + lithiumPerElectron + " is outside [0, 1]");
        }
        if (!(initialResistance > 0) || !Double.isFinite(initialResistance)) {
            throw new IllegalArgumentException("interphase.initial_resistance = " + initialResistance
                    + " ohm m2 must be finite and > 0 (a native film)");
        }
        this.stabilityLimit = stabilityLimit;
        this.drive = drive;
        this.transferCoefficient = transferCoefficient;
        this.referenceRate = 0.5 * parabolicConstant * parabolicConstant;
        this.referencePotential = referencePotential;
        this.referenceTemperature = referenceTemperature;
        this.chargePerResistance = electronsPerUnit * Constants.FARADAY / (filmMolarVolume * filmResistivity);
        this.lithiumPerElectron = lithiumPerElectron;
        this.initialResistance = initialResistance;
    }

    private double g(double potential, double temperature) {
        double over = potential - stabilityLimit;
        if (drive == Drive.LINEAR) {
            return Math.max(over, 0.0);
        }
        return Math.exp(transferCoefficient * over / Constants.thermalVoltage(temperature));
    }

    /** B(E) = r dr/dt [ohm^2 m^4 / s]. */
    public double rateConstant(double potential, double temperature) {
        return referenceRate * g(potential, temperature) / g(referencePotential, referenceTemperature);
    }

    /** d(r^2)/dt = 2 B(E) [ohm^2 m^4 / s]: the state equation of s = r^2. */
    public double squareGrowthRate(double potential, double temperature) {
        return 2.0 * rateConstant(potential, temperature);
    }

    /** d/dE of {@link #squareGrowthRate}. */
    public double squareGrowthRateDerivative(double potential, double temperature) {
        double over = potential - stabilityLimit;
        double scale = 2.0 * referenceRate / g(referencePotential, referenceTemperature);
        if (drive == Drive.LINEAR) {
            return over > 0 ? scale : 0.0;
        }
        return scale * g(potential, temperature) * transferCoefficient / Constants.thermalVoltage(temperature);
    }

    /** Parabolic constant k(E) = sqrt(2 B(E)) [ohm m2 / s^0.5]. */
    public double parabolicConstant(double potential, double temperature) {
        return Math.sqrt(2.0 * rateConstant(potential, temperature));
    }

    /** Film resistance r = sqrt(s) from the state s = r^2 [ohm m2]. */
    public static double filmResistance(double square) {
        return Math.sqrt(Math.max(square, 0.0));
    }

    /** Side-reaction current density j_side = Gamma B / r [A/m2 of contact], anodic. */
    public double sideCurrentDensity(double square, double potential, double temperature) {
        return chargePerResistance * rateConstant(potential, temperature) / filmResistance(square);
    }

    /** Side charge since the start, q = Gamma (r - r_0) [C/m2]. */
    public double sideCharge(double square) {
        return chargePerResistance * (filmResistance(square) - initialResistance);
    }

    /** Cyclable lithium lost per contact area, nu q / F [mol/m2]. */
    public double lithiumLost(double square) {
        return lithiumPerElectron * sideCharge(square) / Constants.FARADAY;
    }

    /** Gamma = z F / (V_m rho_f) [C / (ohm m4)]. */
    public double chargePerResistance() {
        return chargePerResistance;
    }

    public double lithiumPerElectron() {
        return lithiumPerElectron;
    }

    public double initialResistance() {
        return initialResistance;
    }

    public double stabilityLimit() {
        return stabilityLimit;
    }

    /** Closed form at constant E: r(t) = sqrt(r_0^2 + 2 B(E) t). */
    public double resistanceAtConstantPotential(double time, double potential, double temperature) {
        return Math.sqrt(initialResistance * initialResistance + 2.0 * rateConstant(potential, temperature) * time);
    }
}
