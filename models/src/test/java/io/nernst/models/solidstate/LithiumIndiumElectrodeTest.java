package io.nernst.models.solidstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.models.electrode.PlanarMetalElectrode;
import org.junit.jupiter.api.Test;

/** The Li-In counter electrode against hand values (seed 001's cell, solid-state.md 1.4 and 2.10). */
class LithiumIndiumElectrodeTest {
    private static final double T = 298.15;
    private static final double F = 96485.33212;
    /** 100 um of indium: 7310 kg/m3 / 0.11482 kg/mol * 1e-4 m (foil thickness assumed for the test). */
    private static final double INDIUM = 7310 / 0.11482 * 1e-4;
    /** Li concentration of InLi (about 50 at.% Li): taken as the In molar density, order of magnitude. */
    private static final double ALLOY_LI = 7310 / 0.11482;

    private static LithiumIndiumElectrode seed001(double depletionResistivity) {
        // seed 001: Li:In = 3:7 molar; i0 = 5 mA/cm2 from R_anode/SE about 2-5 ohm cm2 (solid-state.md 2.10)
        return new LithiumIndiumElectrode(LithiumIndiumElectrode.TWO_PHASE_POTENTIAL,
                LithiumIndiumElectrode.kinetics(50.0, 0.0, T), 3.0 / 7.0, INDIUM, depletionResistivity, ALLOY_LI);
    }

    @Test
    void potentialKineticsAndReporting() {
        LithiumIndiumElectrode e = seed001(0.0);
        assertEquals(0.62, e.potential(0.0, 0.0, 0.0, T), 1e-15);
        // symmetric BV: eta = 2 RT/F asinh(j / (2 i0)); j = 1 mA/cm2 = 10 A/m2: 5.130 mV
        double vt = 8.314462618 * T / F;
        assertEquals(0.62 + 2 * vt * Math.log(0.1 + Math.sqrt(1.01)), e.potential(10.0, 0.0, 0.0, T), 1e-12);
        assertEquals(0.625130, e.potential(10.0, 0.0, 0.0, T), 1e-6);
        // R_ct = RT/(F i0) = 5.14 ohm cm2 (seed 001: 2-5 ohm cm2)
        assertEquals(5.139e-4, e.chargeTransferResistance(T), 1e-7);
        // seed 001's window 2.1-3.7 V vs Li-In is 2.72-4.32 V vs Li
        assertEquals(3.70, e.versusLithiumIndium(4.32), 1e-12);
        assertEquals(2.10, e.versusLithiumIndium(2.72), 1e-12);
        PlanarMetalElectrode planar = e.asPlanarMetalElectrode();
        assertEquals(0.62, planar.openCircuitPotential(), 0.0);
        assertEquals(e.potential(-20.0, 0.0, 0.0, T) - 0.62, planar.kinetics().overpotential(-20.0, 1.0, 0.0, T), 1e-15);
    }

    @Test
    void compositionStaysInTheTwoPhaseFieldOrIsReported() {
        LithiumIndiumElectrode e = seed001(0.0);
        assertEquals(3.0 / 7.0, e.lithiumToIndium(0.0), 1e-15);
        // 1 mAh/cm2 = 36 C/cm2... = 3.6e4 C/m2 stripped: Li/In falls by 3.6e4 / (F n_In)
        double q = 3.6e4;
        assertEquals(3.0 / 7.0 - q / (F * INDIUM), e.lithiumToIndium(q), 1e-15);
        assertTrue(e.inTwoPhaseField(q));
        assertEquals(3.0 / 7.0 * INDIUM * F, e.strippableCharge(), 1e-6);
        assertEquals(4.0 / 7.0 * INDIUM * F, e.plateableCharge(), 1e-6);
        assertFalse(e.inTwoPhaseField(1.01 * e.strippableCharge()));
        assertFalse(e.inTwoPhaseField(-1.01 * e.plateableCharge()));
        IllegalStateException out = assertThrows(IllegalStateException.class,
                () -> e.potential(10.0, 1.01 * e.strippableCharge(), 0.0, T));
        assertTrue(out.getMessage().contains("two-phase field"), out.getMessage());
    }

    @Test
    void depletionResistanceGrowsOnStrippingAndClearsOnPlating() {
        double rho = 1e4; // ohm m, a test value (no published one; the option is off by default)
        LithiumIndiumElectrode e = seed001(rho);
        // strip at 10 A/m2 for 1 h, then plate at 10 A/m2 for 2 h (exact for piecewise-constant current)
        double q = 0.0;
        double rate = e.depletionChargeRate(q, 10.0);
        q += rate * 3600;
        assertEquals(3.6e4, q, 1e-9);
        double r = e.depletionResistance(q);
        assertEquals(rho * 3.6e4 / (F * ALLOY_LI), r, 1e-18);
        assertEquals(e.potential(10.0, 3.6e4, 0.0, T) + 10.0 * r, e.potential(10.0, 3.6e4, q, T), 1e-15);
        // plating clears the depleted layer in 1 h, then nothing more
        for (int s = 0; s < 7200; s++) {
            q = Math.max(0.0, q + e.depletionChargeRate(q, -10.0));
        }
        assertEquals(0.0, q, 0.0);
        assertEquals(0.0, e.depletionChargeRate(0.0, -10.0), 0.0);
        assertEquals(0.0, e.depletionResistance(0.0), 0.0);
    }

    @Test
    void badInputIsRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LithiumIndiumElectrode(0.62,
                LithiumIndiumElectrode.kinetics(50, 0, T), 1.2, INDIUM, 0, ALLOY_LI));
        assertTrue(e.getMessage().contains("anode.lithium_to_indium = 1.2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LithiumIndiumElectrode(0.62, LithiumIndiumElectrode.kinetics(50, 0, T),
                0.4, -1, 0, ALLOY_LI));
        assertThrows(IllegalArgumentException.class, () -> new LithiumIndiumElectrode(0.62, LithiumIndiumElectrode.kinetics(50, 0, T),
                0.4, INDIUM, -5, ALLOY_LI));
    }
}
