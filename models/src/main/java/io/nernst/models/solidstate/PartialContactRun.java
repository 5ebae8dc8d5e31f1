package io.nernst.models.solidstate;

import io.nernst.models.kinetics.ButlerVolmer;
import io.nernst.models.kinetics.InsertionExchangeCurrent;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.DaeEvent;
import io.nernst.solvers.dae.EventDirection;
import io.nernst.solvers.dae.IntegrationResult;
import io.nernst.solvers.fv.Stretching;
import java.util.List;

/**
 * Galvanostatic charge of one partially contacted NCM811 particle to a potential cut-off (seed
 * 002's experiment: NCM811 in PEO-LiTFSI at 60 degC, charged at 0.1C to 4 V). The parameters
 * and their sources:
 * <ul>
 * <li>OCP: {@link Ncm811Chen2020Ocp} (Chen et al. 2020); diffusivity:
 *     {@link Ncm811ORegan2022Diffusivity} (O'Regan et al. 2022, with its Arrhenius factor: x1.66 at
 *     60 degC), solid-state.md sections 2.2-2.3.</li>
 * <li>Radius 5 um (seed 002: polycrystalline particles of 10-20 um diameter; the lower end),
 *     c_max = 48,828 mol/m3 = rho/M for rho = 4.75 g/cm3, M = 97.28 g/mol (solid-state.md 2.4).</li>
 * <li>Kinetics: symmetric Butler-Volmer with i0 = m c_e^0.5 c_s^0.5 (c_max - c_s)^0.5,
 *     m = 3.42e-6 (A/m2)(m3/mol)^1.5, Ea = 17.8 kJ/mol (Chen 2020 NMC811, solid-state.md 1.3; a
 *     liquid-electrolyte value used as a stand-in since no NCM/PEO value is published, assumption);
 *     c_e = 1100 mol/m3 (seed 002 EO:Li = 18, solid-state.md 2.5).</li>
 * <li>C-rate basis 1C = 200 mAh/g of NCM811, i.e. a stoichiometry span of 0.726 per hour
 *     (assumption: the usual NCM811 convention; seed 002 does not state its basis).</li>
 * <li>Start of charge at x = 0.906, the upper end of the stoichiometries measured for the OCP fit
 *     (a fresh cathode is nearer x = 1, where the fit is unsupported; the start changes the
 *     charge passed before 4 V, not the mechanism).</li>
 * </ul>
 *
 * @param radius                 R [m]
 * @param shells                 radial cells
 * @param sectors                polar cells
 * @param contactFraction        theta
 * @param temperature            T [K]
 * @param cRate                  C-rate of the charge
 * @param cutoffPotential        stop when phi_s - phi_e reaches this [V vs Li]
 * @param initialStoichiometry   x at the start
 */
public record PartialContactRun(double radius, int shells, int sectors, double contactFraction, double temperature,
                                double cRate, double cutoffPotential, double initialStoichiometry) {

    /** c_max of NCM811 [mol/m3] = 4.75 g/cm3 / 97.28 g/mol. */
    public static final double NCM811_MAXIMUM_CONCENTRATION = 4.75e6 / 97.28;
    /** Stoichiometry span per hour at 1C for 1C = 200 mAh/g: 0.2 Ah/g * 3600 * 97.28 / F. */
    public static final double NCM811_SPAN_PER_HOUR_AT_1C = 0.2 * 3600.0 * 97.28 / 96485.33212;
    /** Exchange-current prefactor of Chen 2020 NMC811 [(A/m2)(m3/mol)^1.5]. */
    public static final double CHEN2020_RATE_CONSTANT = 3.42e-6;
    /** Its activation energy [J/mol]. */
    public static final double CHEN2020_ACTIVATION_ENERGY = 17800.0;
    /** Li+ concentration of seed 002's PEO-LiTFSI (EO:Li = 18) [mol/m3]. */
    public static final double SEED002_SALT_CONCENTRATION = 1100.0;
    /** Nickel fraction of NCM811. */
    public static final double NCM811_NICKEL = 0.8;

    public PartialContactRun {
        if (!(cRate > 0) || !Double.isFinite(cRate)) {
            throw new IllegalArgumentException("C-rate = " + cRate + " must be finite and > 0");
        }
        if (!(initialStoichiometry > 0.2 && initialStoichiometry < 1.0)) {
            throw new IllegalArgumentException("initial stoichiometry = " + initialStoichiometry + " is outside (0.2, 1)");
        }
        Ncm811Chen2020Ocp ocp = new Ncm811Chen2020Ocp();
        double start = ocp.value(initialStoichiometry, temperature);
        double top = ocp.value(Ncm811Chen2020Ocp.MEASURED_MINIMUM, temperature);
        if (!(cutoffPotential > start && cutoffPotential <= top)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "cut-off potential = %.4f V is outside the charge range of the NMC811 OCP from x0 = %.3f: (%.4f, %.4f] V "
                            + "(the fit is measured down to x = %.3f)", cutoffPotential, initialStoichiometry, start, top,
                    Ncm811Chen2020Ocp.MEASURED_MINIMUM));
        }
    }

    /** Seed 002's charge: 0.1C to 4.0 V at 60 degC, R = 5 um, 20 x 16 cells. */
    public static PartialContactRun seed002(double contactFraction) {
        return new PartialContactRun(5e-6, 20, 16, contactFraction, 333.15, 0.1, 4.0, Ncm811Chen2020Ocp.MEASURED_MAXIMUM);
    }

    public PartialContactRun withMesh(int newShells, int newSectors) {
        return new PartialContactRun(radius, newShells, newSectors, contactFraction, temperature, cRate, cutoffPotential,
                initialStoichiometry);
    }

    public PartialContactRun withRadius(double newRadius) {
        return new PartialContactRun(newRadius, shells, sectors, contactFraction, temperature, cRate, cutoffPotential,
                initialStoichiometry);
    }

    /** Builds the system with its applied current set. */
    public PartialContactCharge system() {
        DifferentiableFunction diffusivity = new Ncm811ORegan2022Diffusivity();
        PartialContactParticle particle = new PartialContactParticle(radius, shells, sectors, contactFraction,
                Stretching.uniform(), diffusivity, NCM811_MAXIMUM_CONCENTRATION);
        ButlerVolmer kinetics = ButlerVolmer.symmetric(new InsertionExchangeCurrent(CHEN2020_RATE_CONSTANT,
                NCM811_MAXIMUM_CONCENTRATION, 0.5, 0.5, CHEN2020_ACTIVATION_ENERGY, 298.15));
        PartialContactCharge system = new PartialContactCharge(particle, new Ncm811Chen2020Ocp(), kinetics,
                SEED002_SALT_CONCENTRATION, temperature, PartialContactCharge.Mode.KINETIC);
        system.setAppliedCurrentDensity(system.currentDensityForCRate(cRate, NCM811_SPAN_PER_HOUR_AT_1C));
        return system;
    }

    /** The result of a charge: final state and the observables. */
    public record Result(PartialContactCharge system, double[] state, double time, boolean reachedCutoff,
                         double contactStoichiometry, double farStoichiometry, double averageStoichiometry,
                         double minimumStoichiometry, double maximumStoichiometry, long steps) {

        /**
         * Local state of charge (x_start - x) / (x_start - x_4.2V): 0 at the start of charge, 1 at
         * the stoichiometry where the OCP reaches seed 002's upper cut-off, 4.2 V vs Li.
         */
        public static double stateOfCharge(double stoichiometry, double startStoichiometry) {
            double full = new Ncm811Chen2020Ocp().stoichiometryAt(4.2);
            return (startStoichiometry - stoichiometry) / (startStoichiometry - full);
        }

        /** State of charge at the contact centre (surface). */
        public double contactStateOfCharge(double startStoichiometry) {
            return stateOfCharge(contactStoichiometry, startStoichiometry);
        }

        /** State of charge at the far pole (surface). */
        public double farStateOfCharge(double startStoichiometry) {
            return stateOfCharge(farStoichiometry, startStoichiometry);
        }

        /** Ni4+/Ni3+-like ratio at the contact (surface, pole of the cap). */
        public double contactRatio() {
            return NickelOxidation.ratio(contactStoichiometry, NCM811_NICKEL);
        }

        /** Ni4+/Ni3+-like ratio at the far pole surface. */
        public double farRatio() {
            return NickelOxidation.ratio(farStoichiometry, NCM811_NICKEL);
        }

        /** x_far - x_contact: how much more delithiated the contact is. */
        public double contrast() {
            return farStoichiometry - contactStoichiometry;
        }
    }

    /** Charges to the cut-off (or 1.5 nominal durations) with BDF at rtol 1e-6. */
    public Result charge() {
        return charge(BdfSettings.builder().relativeTolerance(1e-6).absoluteTolerance(1e-6).build());
    }

    /** As {@link #charge()} with explicit settings. */
    public Result charge(BdfSettings settings) {
        PartialContactCharge system = system();
        double[] y = system.initialState(initialStoichiometry);
        double[] yDot = new double[y.length];
        BdfIntegrator integrator = new BdfIntegrator(settings);
        integrator.initialize(system, 0.0, y, yDot);
        int p = system.potentialIndex();
        DaeEvent cutoff = new DaeEvent() {
            @Override
            public double g(double t, double[] state, double[] rate) {
                return state[p] - cutoffPotential;
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
        double duration = 1.5 * 3600.0 / cRate;
        IntegrationResult result = integrator.integrate(system, 0.0, y, yDot, duration, List.of(cutoff), null);
        double[] end = result.y();
        PartialContactParticle particle = system.particle();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < particle.unknowns(); i++) {
            double x = end[i] / particle.maximumConcentration();
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return new Result(system, end, result.time(), result.stoppedByEvent(), system.contactSurfaceStoichiometry(end),
                system.farSurfaceStoichiometry(end), system.averageStoichiometry(end), min, max, result.statistics().steps());
    }
}
