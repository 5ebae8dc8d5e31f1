package io.nernst.models.solidstate;

import io.nernst.models.electrode.PlanarMetalElectrode;
import io.nernst.models.kinetics.ButlerVolmer;
import io.nernst.models.kinetics.Kinetics;
import io.nernst.models.kinetics.MetalExchangeCurrent;
import io.nernst.models.materials.Constants;

/**
 * A planar Li-In alloy counter electrode (seeds 001 and 004; solid-state.md section 1.4;
 * physics.md section 2): In + InLi two-phase alloy at a flat 0.62 V vs Li (Santhosha et al.,
 * Batteries &amp; Supercaps 2 (2019) 524; Nam et al., J. Mater. Chem. A 6 (2018) 14867) while the
 * Li/In molar ratio stays in (0, 1) (InLi is about 50 at.% Li), its own interfacial kinetics, and
 * an optional depletion resistance on stripping: Nam et al. 2018 observed a Li-depleted, nearly
 * ion-blocking In layer growing at the electrolyte side during stripping, which seed 001's
 * R_anode/SE (3-6 ohm rising to 24-184 ohm late in discharge, tables S2-S4) reflects.
 *
 * <p>State: the net stripped charge Q [C/m2] since assembly (sets the Li/In ratio) and the
 * depletion charge q [C/m2] (charge stripped since the last plating; grows on stripping,
 * shrinks on plating, never below 0). The depleted layer is q / (F c_Li) thick (c_Li the lithium
 * concentration of the alloy near the interface) and adds r_dep = rho_dep q / (F c_Li) in
 * series with the kinetics. Potential of the electrode versus Li at the electrolyte side:
 * <pre>  E = U + eta_BV(j) + j r_dep,   j &gt; 0 on stripping (anodic, physics.md section 0)</pre>
 * Cell voltages are reported against this electrode by subtracting U (V vs Li-In = V vs Li - 0.62).
 */
public final class LithiumIndiumElectrode {
    /** In/InLi two-phase potential vs Li/Li+ [V] (Santhosha 2019; Nam 2018). */
    public static final double TWO_PHASE_POTENTIAL = 0.62;

    private final double openCircuitPotential;
    private final Kinetics kinetics;
    private final double initialLithiumToIndium;
    private final double indiumPerArea;
    private final double depletionResistivity;
    private final double alloyLithiumConcentration;

    /**
     * @param openCircuitPotential      U [V vs Li] in the two-phase field
     * @param kinetics                  interfacial rate law (metal: the solid-concentration argument is unused)
     * @param initialLithiumToIndium    Li/In molar ratio at assembly, in (0, 1) (seed 001: 3/7)
     * @param indiumPerArea             indium amount per electrode area [mol/m2]
     * @param depletionResistivity      rho_dep [ohm m] of the Li-depleted layer (0: off)
     * @param alloyLithiumConcentration c_Li of the alloy near the interface [mol/m3]
     */
    public LithiumIndiumElectrode(double openCircuitPotential, Kinetics kinetics, double initialLithiumToIndium,
                                  double indiumPerArea, double depletionResistivity, double alloyLithiumConcentration) {
        if (!(initialLithiumToIndium > 0 && initialLithiumToIndium < 1)) {
            throw new IllegalArgumentException("anode.lithium_to_indium = " + initialLithiumToIndium
                    + " is outside (0, 1), the In + InLi two-phase field where U = 0.62 V");
        }
        if (!(indiumPerArea > 0) || !Double.isFinite(indiumPerArea)) {
            throw new IllegalArgumentException("anode.indium_per_area = " + indiumPerArea + " mol/m2 must be finite and > 0");
        }
        if (!(depletionResistivity >= 0) || !Double.isFinite(depletionResistivity)) {
            throw new IllegalArgumentException("anode.depletion_resistivity = " + depletionResistivity + " ohm m must be >= 0");
        }
        if (!(alloyLithiumConcentration > 0)) {
            throw new IllegalArgumentException("anode.alloy_lithium_concentration = " + alloyLithiumConcentration
                    + " mol/m3 must be > 0");
        }
        this.openCircuitPotential = openCircuitPotential;
        this.kinetics = kinetics;
        this.initialLithiumToIndium = initialLithiumToIndium;
        this.indiumPerArea = indiumPerArea;
        this.depletionResistivity = depletionResistivity;
        this.alloyLithiumConcentration = alloyLithiumConcentration;
    }

    /**
     * Symmetric Butler-Volmer kinetics with a constant exchange current density i0 [A/m2]
     * (the solid electrolyte's Li+ activity is fixed), Arrhenius in T with Ea [J/mol].
     */
    public static Kinetics kinetics(double exchangeCurrentDensity, double activationEnergy, double referenceTemperature) {
        return ButlerVolmer.symmetric(new MetalExchangeCurrent(exchangeCurrentDensity, 1.0, 0.0, activationEnergy,
                referenceTemperature));
    }

    /** This electrode as today's cell models take it (U and kinetics, lithium unlimited, no depletion). */
    public PlanarMetalElectrode asPlanarMetalElectrode() {
        return new PlanarMetalElectrode(openCircuitPotential, kinetics);
    }

    public double openCircuitPotential() {
        return openCircuitPotential;
    }

    public Kinetics kineticsLaw() {
        return kinetics;
    }

    /** Li/In molar ratio after a net stripped charge Q [C/m2]. */
    public double lithiumToIndium(double netStrippedCharge) {
        return initialLithiumToIndium - netStrippedCharge / (Constants.FARADAY * indiumPerArea);
    }

    /** True while the Li/In ratio stays in the two-phase field (0, 1), where U is flat. */
    public boolean inTwoPhaseField(double netStrippedCharge) {
        double y = lithiumToIndium(netStrippedCharge);
        return y > 0 && y < 1;
    }

    /** Net charge that can be stripped before the alloy runs out of lithium [C/m2]. */
    public double strippableCharge() {
        return initialLithiumToIndium * indiumPerArea * Constants.FARADAY;
    }

    /** Net charge that can be plated before the alloy leaves the two-phase field at Li/In = 1 [C/m2]. */
    public double plateableCharge() {
        return (1.0 - initialLithiumToIndium) * indiumPerArea * Constants.FARADAY;
    }

    /** Depletion resistance r_dep = rho_dep q / (F c_Li) [ohm m2]. */
    public double depletionResistance(double depletionCharge) {
        return depletionResistivity * Math.max(depletionCharge, 0.0) / (Constants.FARADAY * alloyLithiumConcentration);
    }

    /**
     * dq/dt of the depletion charge at current density j: j while stripping or while a depleted
     * layer remains, 0 when plating onto an undepleted surface.
     */
    public double depletionChargeRate(double depletionCharge, double currentDensity) {
        return currentDensity > 0 || depletionCharge > 0 ? currentDensity : 0.0;
    }

    /**
     * Potential of the electrode vs Li at the electrolyte side, E = U + eta_BV(j) + j r_dep [V],
     * at current density j [A/m2] (positive on stripping) and depletion charge q.
     *
     * @throws IllegalStateException outside the two-phase field (where U is not 0.62 V)
     */
    public double potential(double currentDensity, double netStrippedCharge, double depletionCharge, double temperature) {
        if (!inTwoPhaseField(netStrippedCharge)) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                    "Li-In counter electrode left the In + InLi two-phase field: Li/In = %.4f after %.4g C/m2 net stripping",
                    lithiumToIndium(netStrippedCharge), netStrippedCharge));
        }
        double eta = kinetics.overpotential(currentDensity, 1.0, 0.0, temperature);
        return openCircuitPotential + eta + currentDensity * depletionResistance(depletionCharge);
    }

    /** Charge-transfer resistance of the linearised interface, R T / (F i0) for symmetric BV [ohm m2]. */
    public double chargeTransferResistance(double temperature) {
        return Constants.thermalVoltage(temperature) / kinetics.exchangeCurrentDensity(1.0, 0.0, temperature);
    }

    /** A voltage versus Li expressed versus this electrode at open circuit: V - U. */
    public double versusLithiumIndium(double voltageVersusLithium) {
        return voltageVersusLithium - openCircuitPotential;
    }
}
