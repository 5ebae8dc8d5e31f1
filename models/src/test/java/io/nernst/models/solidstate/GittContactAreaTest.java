package io.nernst.models.solidstate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nernst.models.kinetics.ButlerVolmer;
import io.nernst.models.kinetics.InsertionExchangeCurrent;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.fv.Stretching;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's GITT analysis on a partially contacted particle (solid-state.md section 4.1):
 * Weppner-Huggins with the geometric surface, D = (4/(pi tau)) (R/3)^2 (dE_s/dE_tau)^2, returns
 * theta^2 D when only a cap of fraction theta carries the flux. A short pulse (sqrt(D tau) =
 * 0.22 um against R = 5 um) keeps the semi-infinite assumption of the formula; a linear OCP
 * makes both voltage changes proportional to concentration changes, so the ratio measures
 * transport only.
 */
class GittContactAreaTest {
    private static final double RADIUS = 5e-6;
    private static final double D = 5e-15;
    private static final double CMAX = 48828;
    private static final double TAU = 10.0;
    private static final DifferentiableFunction LINEAR_OCP = new DifferentiableFunction() {
        @Override
        public double value(double x, double temperature) {
            return 4.6 - x;
        }

        @Override
        public double derivative(double x, double temperature) {
            return -1.0;
        }
    };

    /** D from Weppner-Huggins with the geometric area after a pulse on contact fraction theta. */
    static double apparentDiffusivity(double theta) {
        PartialContactParticle p = new PartialContactParticle(RADIUS, 40, 48, theta, Stretching.tanhTowardEnd(2.5),
                DifferentiableFunction.constant(D), CMAX);
        PartialContactCharge s = new PartialContactCharge(p, LINEAR_OCP, ButlerVolmer.symmetric(
                new InsertionExchangeCurrent(1e-6, CMAX, 0.5, 0.5, 0, 298.15)), 1000, 298.15, PartialContactCharge.Mode.UNIFORM_FLUX);
        // the same particle current for every theta: 0.1C-like over the whole particle
        double particleCurrent = 0.1 * 0.726 * p.particleVolume() * CMAX * 96485.33212 / 3600;
        s.setAppliedCurrentDensity(particleCurrent / p.contactArea());
        double x0 = 0.6;
        double[] y = s.initialState(x0);
        double[] yDot = new double[y.length];
        BdfIntegrator integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-9).absoluteTolerance(1e-6)
                .initialStep(1e-4).build());
        integrator.initialize(s, 0.0, y, yDot);
        double[] end = integrator.integrate(s, 0.0, y, yDot, TAU, null, null).y();
        double pulseChange = s.potential(end) - LINEAR_OCP.value(x0, 298.15);   // dE_tau (no ohmic step in this mode)
        double steady = LINEAR_OCP.value(s.averageStoichiometry(end), 298.15) - LINEAR_OCP.value(x0, 298.15); // dE_s after relaxation
        double ratio = steady / pulseChange;
        return 4.0 / (Math.PI * TAU) * (RADIUS / 3) * (RADIUS / 3) * ratio * ratio;
    }

    @Test
    void geometricAreaGittReportsThetaSquaredTimesD() {
        double full = apparentDiffusivity(1.0);
        StringBuilder report = new StringBuilder(String.format("GITT D (geometric area), true D = %.2e m2/s: theta 1: %.3e", D, full));
        assertEquals(D, full, 0.1 * D, "full contact recovers D");
        for (double theta : new double[] {0.5, 0.25}) {
            double d = apparentDiffusivity(theta);
            report.append(String.format("; theta %.2f: %.3e (D_app/D_full = %.4f, theta^2 = %.4f)", theta, d, d / full, theta * theta));
            assertEquals(theta * theta, d / full, 0.1 * theta * theta, report.toString());
        }
        System.out.println(report);
    }
}
