package io.nernst.models.solidstate;

import io.nernst.models.materials.DifferentiableFunction;

/**
 * A single-particle variant of an all-solid-state cell with partial contact (issue 10 section 3:
 * the particle "of a single-particle variant"): every utilised active particle of a composite
 * cathode ({@link CompositeCathode}) behaves like one {@link PartialContactParticle}, solved by
 * {@link PartialContactCharge}; the cell adds, as in the single-particle model with
 * electrolyte, the ohmic terms of uniform reaction through the cathode, the separator and the
 * counter electrode's own potential:
 * <pre>
 *   j_contact = I / (a L)                         (I charge current per electrode area, a the utilised contact area)
 *   V = dphi + I (L_sep / kappa_sep + L / (3 kappa_eff) + L / (3 sigma_e,eff(x_avg))) - E_counter(-I)
 * </pre>
 * (L/(3 kappa) + L/(3 sigma) is the ohmic loss of a uniformly reacting electrode, the integral of
 * i_e^2/kappa + i_s^2/sigma over the thickness per unit current). V is the voltage against the
 * counter electrode (versus Li-In for {@link LithiumIndiumElectrode}); V + U_counter is versus Li.
 * The counter electrode's composition follows the charge passed (its two-phase field is
 * checked); its depletion resistance is not used here. Positive I charges the cell.
 */
public final class PartialContactCell {
    private final CompositeCathode cathode;
    private final PartialContactCharge particleSystem;
    private final double separatorThickness;
    private final DifferentiableFunction separatorConductivity;
    private final LithiumIndiumElectrode counter;
    private double chargeCurrentDensity;

    /**
     * @param cathode               composite cathode (thickness, closures, utilised area)
     * @param particleSystem        the particle (its radius and contact fraction should be the cathode's)
     * @param separatorThickness    L_sep [m]
     * @param separatorConductivity kappa_sep(unused, T) [S/m]
     * @param counter               counter electrode
     */
    public PartialContactCell(CompositeCathode cathode, PartialContactCharge particleSystem, double separatorThickness,
                              DifferentiableFunction separatorConductivity, LithiumIndiumElectrode counter) {
        if (particleSystem.mode() != PartialContactCharge.Mode.KINETIC) {
            throw new IllegalArgumentException("the cell needs the KINETIC particle mode");
        }
        if (!(cathode.interfacialArea() > 0)) {
            throw new IllegalArgumentException("the cathode has no utilised active material (utilisation "
                    + cathode.utilisation() + "): " + String.join("; ", cathode.warnings()));
        }
        if (!(separatorThickness > 0) || !Double.isFinite(separatorThickness)) {
            throw new IllegalArgumentException("separator thickness = " + separatorThickness + " m must be finite and > 0");
        }
        this.cathode = cathode;
        this.particleSystem = particleSystem;
        this.separatorThickness = separatorThickness;
        this.separatorConductivity = separatorConductivity;
        this.counter = counter;
    }

    public PartialContactCharge particleSystem() {
        return particleSystem;
    }

    /** Interface area of utilised, contacted particles per electrode area, a L. */
    public double interfaceAreaRatio() {
        return cathode.interfacialArea() * cathode.composition().thickness();
    }

    /** Sets the charge current per electrode area [A/m2] (negative discharges). */
    public void setChargeCurrentDensity(double current) {
        this.chargeCurrentDensity = current;
        particleSystem.setAppliedCurrentDensity(current / interfaceAreaRatio());
    }

    public double chargeCurrentDensity() {
        return chargeCurrentDensity;
    }

    /** Separator ohmic drop I L_sep / kappa_sep [V]. */
    public double separatorDrop(double temperature) {
        return chargeCurrentDensity * separatorThickness / separatorConductivity.value(0.0, temperature);
    }

    /** Ohmic drop of the uniformly reacting cathode, I L (1/(3 kappa_eff) + 1/(3 sigma_e,eff(x))) [V]. */
    public double cathodeOhmicDrop(double averageStoichiometry, double temperature) {
        double l = cathode.composition().thickness();
        return chargeCurrentDensity * l / 3.0 * (1.0 / cathode.ionicConductivity(temperature)
                + 1.0 / cathode.electronicConductivity(averageStoichiometry, temperature));
    }

    /**
     * Cell voltage against the counter electrode [V] at state y after a net charge Q [C/m2]
     * (the counter has then plated Q).
     */
    public double voltage(double[] y, double chargePassed) {
        double t = particleSystem.temperature();
        double counterPotential = counter.potential(-chargeCurrentDensity, -chargePassed, 0.0, t);
        return particleSystem.potential(y) + separatorDrop(t) + cathodeOhmicDrop(particleSystem.averageStoichiometry(y), t)
                - counterPotential;
    }

    /** Cell voltage versus Li: {@link #voltage} + U_counter. */
    public double voltageVersusLithium(double[] y, double chargePassed) {
        return voltage(y, chargePassed) + counter.openCircuitPotential();
    }

    /**
     * Lithium removed from the utilised particles per electrode area [mol/m2] between two states:
     * (number of particles per area) x (lithium of one particle).
     */
    public double lithiumRemovedPerArea(double[] before, double[] after) {
        PartialContactParticle p = particleSystem.particle();
        double particlesPerArea = cathode.activeVolumeFraction() * cathode.composition().thickness() / p.particleVolume();
        return particlesPerArea * (p.lithium(before, 0) - p.lithium(after, 0));
    }

    /** Specific capacity per mass of all active material (utilised or not) for a charge Q [C/m2], in mAh/g. */
    public double specificCapacity(double chargePassed) {
        return chargePassed / 3.6 / (cathode.composition().activeLoading() * 1000.0);
    }

    /**
     * Current density [A/m2] of a C-rate for a capacity basis in mAh per gram of active material:
     * c q m 3.6 / 3600 with m the active loading in g/m2.
     */
    public double currentDensityForCRate(double cRate, double specificCapacityBasis) {
        return cRate * specificCapacityBasis * cathode.composition().activeLoading() * 1000.0 * 3.6 / 3600.0;
    }

    /** Counter-electrode Li/In ratio after a net charge Q passed on charge. */
    public double counterComposition(double chargePassed) {
        return counter.lithiumToIndium(-chargePassed);
    }
}
