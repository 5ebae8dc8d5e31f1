package io.nernst.models.solidstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.models.kinetics.ButlerVolmer;
import io.nernst.models.kinetics.InsertionExchangeCurrent;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.models.solidstate.CompositeComposition.Phase;
import io.nernst.models.solidstate.CompositeComposition.Role;
import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.DaeEvent;
import io.nernst.solvers.dae.EventDirection;
import io.nernst.solvers.dae.IntegrationResult;
import io.nernst.solvers.fv.Stretching;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The single-particle solid-state cell assembled from the components: seed 001's composite
 * (65:35 NCM90 : Li3InCl6, 14 % porosity, 5.5 mg in the 10 mm die), Li6PS5Cl separator, Li-In
 * counter. Checks the consistency points of issue 10 section 5 that need no full DFN: the
 * separator drop is I L / kappa, lithium removed from the particles equals I t / F, voltages
 * are reported against Li-In, and a cathode without a percolating electronic network is refused.
 */
class PartialContactCellTest {
    private static final double T = 298.15;
    private static final double RADIUS = 2.5e-6;
    private static final double SEPARATOR = 546e-6;
    private static final double MG_PER_CM2 = 1e-2;

    static CompositeCathode cathode(double electronicThreshold) {
        CompositeComposition c = CompositeComposition.of(List.of(new Phase("NCM90", Role.ACTIVE, 65, 4780),
                new Phase("Li3InCl6", Role.CATHOLYTE, 35, 2600))).porosity(0.14).compositeLoading(7.0028 * MG_PER_CM2).build();
        return new CompositeCathode(c, DifferentiableFunction.constant(0.15), CompositeClosures.minnmann2021Ionic(), 0.216,
                LithiationDependentConductivity.aminChiang2016(), CompositeClosures.minnmann2021Electronic(), electronicThreshold,
                CompositeClosures.ORDER_PARAMETER_EXPONENT, 0, null, 0, RADIUS, 1.0);
    }

    static PartialContactCell cell(double separatorConductivity) {
        PartialContactParticle particle = new PartialContactParticle(RADIUS, 12, 4, 1.0, Stretching.uniform(),
                new Ncm811ORegan2022Diffusivity(), PartialContactRun.NCM811_MAXIMUM_CONCENTRATION);
        PartialContactCharge system = new PartialContactCharge(particle, new Ncm811Chen2020Ocp(), ButlerVolmer.symmetric(
                new InsertionExchangeCurrent(PartialContactRun.CHEN2020_RATE_CONSTANT, PartialContactRun.NCM811_MAXIMUM_CONCENTRATION,
                        0.5, 0.5, PartialContactRun.CHEN2020_ACTIVATION_ENERGY, 298.15)), 1000, T, PartialContactCharge.Mode.KINETIC);
        LithiumIndiumElectrode counter = new LithiumIndiumElectrode(0.62, LithiumIndiumElectrode.kinetics(50, 0, T), 3.0 / 7.0,
                7310 / 0.11482 * 1e-4, 0.0, 7310 / 0.11482);
        return new PartialContactCell(cathode(0.233), system, SEPARATOR, DifferentiableFunction.constant(separatorConductivity), counter);
    }

    /** Charges at 0.1C (1C = 200 mAh/g) until the voltage vs Li-In reaches the cut-off; returns {time, state...}. */
    static IntegrationResult charge(PartialContactCell cell, double cutoff) {
        double current = cell.currentDensityForCRate(0.1, 200);
        cell.setChargeCurrentDensity(current);
        PartialContactCharge s = cell.particleSystem();
        double[] y = s.initialState(Ncm811Chen2020Ocp.MEASURED_MAXIMUM);
        double[] yDot = new double[y.length];
        BdfIntegrator integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-8).absoluteTolerance(1e-6).build());
        integrator.initialize(s, 0.0, y, yDot);
        DaeEvent event = new DaeEvent() {
            @Override
            public double g(double t, double[] state, double[] rate) {
                return cell.voltage(state, current * t) - cutoff;
            }

            @Override
            public EventDirection direction() {
                return EventDirection.INCREASING;
            }

            @Override
            public boolean terminal() {
                return true;
            }
        };
        return integrator.integrate(s, 0.0, y, yDot, 20 * 3600, List.of(event), null);
    }

    @Test
    void separatorDropLithiumAndReportingVersusLithiumIndium() {
        PartialContactCell a = cell(0.15);
        PartialContactCell b = cell(0.30);
        IntegrationResult ra = charge(a, 3.7);
        assertTrue(ra.stoppedByEvent(), "reaches 3.7 V vs Li-In");
        double current = a.chargeCurrentDensity();
        double time = ra.time();
        // same particle dynamics (galvanostatic), so the voltages differ by I L (1/k1 - 1/k2) exactly
        b.setChargeCurrentDensity(current);
        double dv = a.voltage(ra.y(), current * time) - b.voltage(ra.y(), current * time);
        assertEquals(current * SEPARATOR * (1 / 0.15 - 1 / 0.30), dv, 1e-12);
        assertEquals(current * SEPARATOR / 0.15, a.separatorDrop(T), 1e-15);
        // lithium: removed from the utilised particles = I t / F per electrode area
        double[] start = a.particleSystem().initialState(Ncm811Chen2020Ocp.MEASURED_MAXIMUM);
        double removed = a.lithiumRemovedPerArea(start, ra.y());
        assertEquals(current * time / 96485.33212, removed, 1e-8 * removed);
        // the counter plated the same charge; voltage vs Li = vs Li-In + 0.62
        assertEquals(3.0 / 7.0 + current * time / 96485.33212 / (7310 / 0.11482 * 1e-4), a.counterComposition(current * time), 1e-12);
        assertEquals(3.7 + 0.62, a.voltageVersusLithium(ra.y(), current * time), 1e-6);
        double capacity = a.specificCapacity(current * time);
        System.out.printf("seed-001-like single-particle cell, 0.1C charge to 3.7 V vs Li-In: %.1f mAh/g of NCM "
                + "(utilisation %.3f, separator drop %.2f mV, cathode ohmic %.2f mV at the end)%n", capacity,
                cathode(0.233).utilisation(), 1e3 * a.separatorDrop(T),
                1e3 * a.cathodeOhmicDrop(a.particleSystem().averageStoichiometry(ra.y()), T));
        assertTrue(capacity > 0 && capacity <= cathode(0.233).utilisation() * 275, "capacity " + capacity);
    }

    @Test
    void firstCycleEndsEarlyOnDischargeWhereTheLithiatedOxideInsulates() {
        PartialContactCell cell = cell(0.15);
        IntegrationResult charged = charge(cell, 3.7);
        double chargeCurrent = cell.chargeCurrentDensity();
        double qCharge = chargeCurrent * charged.time();
        // discharge at the same rate to 2.1 V vs Li-In from the charged state
        PartialContactCharge s = cell.particleSystem();
        cell.setChargeCurrentDensity(-chargeCurrent);
        double[] y = charged.y().clone();
        double[] yDot = new double[y.length];
        BdfIntegrator integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-8).absoluteTolerance(1e-6).build());
        integrator.initialize(s, 0.0, y, yDot);
        DaeEvent cutoff = new DaeEvent() {
            @Override
            public double g(double t, double[] state, double[] rate) {
                return cell.voltage(state, qCharge - chargeCurrent * t) - 2.1;
            }

            @Override
            public EventDirection direction() {
                return EventDirection.DECREASING;
            }

            @Override
            public boolean terminal() {
                return true;
            }
        };
        IntegrationResult discharged = integrator.integrate(s, 0.0, y, yDot, 20 * 3600, List.of(cutoff), null);
        assertTrue(discharged.stoppedByEvent());
        double qDischarge = chargeCurrent * discharged.time();
        double xEnd = s.averageStoichiometry(discharged.y());
        double ohmic = cell.cathodeOhmicDrop(xEnd, T);
        System.out.printf("first cycle: charge %.1f, discharge %.1f mAh/g of NCM (efficiency %.3f); discharge ends at x_avg = %.3f "
                + "with a cathode ohmic drop of %.0f mV (sigma_e,eff = %.2e S/m)%n", cell.specificCapacity(qCharge),
                cell.specificCapacity(qDischarge), qDischarge / qCharge, xEnd, -1e3 * ohmic,
                cathode(0.233).electronicConductivity(xEnd, T));
        // without the electronic term the particle would return to its start (x = 0.906) or beyond before 2.1 V
        assertTrue(qDischarge < qCharge, "the insulating lithiated oxide ends the discharge early");
        assertTrue(-ohmic > 0.1, "the electronic drop is what ends it: " + ohmic);
    }

    @Test
    void aCathodeWithoutElectronicPercolationIsRefused() {
        PartialContactCell ok = cell(0.15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PartialContactCell(cathode(0.493),
                ok.particleSystem(), SEPARATOR, DifferentiableFunction.constant(0.15), null));
        assertTrue(e.getMessage().contains("no utilised active material"), e.getMessage());
    }
}
