package io.nernst.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.experiment.Experiment;
import io.nernst.core.impedance.Frequencies;
import io.nernst.core.impedance.ImpedanceSpectrum;
import io.nernst.core.simulation.Simulation;
import io.nernst.core.simulation.Solution;
import io.nernst.core.simulation.SolverOptions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** GITT on a simulated single-particle cell, and the closed-form analyses on synthetic data. */
class TitrationAndFormulasTest {

    /** Issue 11 acceptance: GITT D within 5 % on a simulated single-particle cell with known D. */
    @Test
    void gittRecoversTheDiffusivityOfASimulatedParticle() {
        double d = 1e-14;
        double radius = 1e-5;
        SingleParticleCell cell = new SingleParticleCell(radius, d, 20000, 100);
        Experiment e = Experiment.of(List.of("Discharge at C/10 for 1 minute", "Rest for 1 hour"), 3, 1.0);
        Solution s = new Simulation(cell, e, SolverOptions.defaults().withTolerances(1e-8, 1e-6)).run();
        assertEquals(Solution.Status.COMPLETED, s.status(), s.failure());
        List<Gitt.Pulse> pulses = Gitt.analyse(s.column(Solution.TIME), s.column(Solution.VOLTAGE),
                s.column(Solution.CURRENT), radius);
        assertEquals(2, pulses.size(), "the first pulse has no rest before it and is skipped");
        for (Gitt.Pulse p : pulses) {
            System.out.printf("GITT pulse at %.0f s: D %.4e (%.2f %%), endpoint D %.4e (%.2f %%), IR %.3f mV, dEs %.4f mV, dEtau %.4f mV%n",
                    p.startTime(), p.diffusivity(), 100 * (p.diffusivity() / d - 1), p.diffusivityEnd(),
                    100 * (p.diffusivityEnd() / d - 1), 1e3 * p.irStep(), 1e3 * p.deltaEs(), 1e3 * p.deltaEtau());
            assertEquals(d, p.diffusivity(), 0.05 * d);
            assertEquals(60.0, p.duration(), 1e-9);
            assertEquals(-0.1 * 0.05, p.irStep(), 2e-5, "IR step = -R_ohm I");
        }
    }

    @Test
    void gittRefusesBadInput() {
        double[] t = {0, 1, 2};
        assertThrows(AnalysisException.class, () -> Gitt.analyse(t, new double[] {1, 1}, new double[] {0, 1, 0}, 1e-5));
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> Gitt.analyse(new double[] {0, 2, 1}, new double[3], new double[] {0, 1, 0}, 1e-5));
        assertTrue(e.getMessage().contains("backwards"), e.getMessage());
        e = assertThrows(AnalysisException.class, () -> Gitt.analyse(t, new double[3], new double[3], 1e-5));
        assertTrue(e.getMessage().contains("zero throughout"), e.getMessage());
    }

    @Test
    void bruceVincentConductivityAndWarburg() {
        // ideal electrolyte: no interfacial resistance, I_s / I_0 = t+
        assertEquals(0.4, Electrochemistry.bruceVincent(0.01, 1e-3, 0.4e-3, 0, 0), 1e-15);
        // with interfacial drops: t+ = I_s (dV - I0 R0) / (I0 (dV - Is Rs))
        assertEquals(0.3e-3 * (0.01 - 1e-3 * 2) / (1e-3 * (0.01 - 0.3e-3 * 3)),
                Electrochemistry.bruceVincent(0.01, 1e-3, 0.3e-3, 2, 3), 1e-15);
        assertThrows(AnalysisException.class, () -> Electrochemistry.bruceVincent(0.01, 1e-3, 2e-3, 0, 0));
        assertEquals(1e-4 / (50 * 1e-4), Electrochemistry.conductivity(1e-4, 50, 1e-4), 1e-15);
        assertThrows(AnalysisException.class, () -> Electrochemistry.conductivity(-1, 50, 1e-4));
        // Warburg: build a spectrum R + sigma w^-1/2 (1 - i) from a known D, then recover D
        double d = 3e-12;
        double area = 1e-4;
        double c = 1000;
        double temperature = 298.15;
        double sigma = Electrochemistry.GAS_CONSTANT * temperature
                / (Math.sqrt(2) * Math.pow(Electrochemistry.FARADAY, 2) * area * c * Math.sqrt(d));
        double[] f = Frequencies.logarithmic(1e-1, 1e-3, 5);
        double[] re = new double[f.length];
        double[] im = new double[f.length];
        Random random = new Random(5);
        for (int k = 0; k < f.length; k++) {
            double m = sigma / Math.sqrt(2 * Math.PI * f[k]);
            re[k] = 12.0 + m * (1 + 1e-3 * random.nextGaussian());
            im[k] = -m;
        }
        double fitted = Electrochemistry.warburgCoefficient(ImpedanceSpectrum.of(f, re, im), 1.0);
        assertEquals(sigma, fitted, 3e-3 * sigma);
        assertEquals(d, Electrochemistry.warburgDiffusivity(fitted, area, c, 1, temperature), 0.01 * d);
        assertEquals(0.98, Electrochemistry.coulombicEfficiency(1.0, 0.98), 1e-15);
        assertEquals(0.9, Electrochemistry.capacityRetention(new double[] {2.0, 1.9, 1.8})[2], 1e-15);
    }

    @Test
    void arrheniusRecoversActivationEnergyInBothForms() {
        double ea = 0.35 * Electrochemistry.FARADAY; // 0.35 eV
        double[] t = {253.15, 273.15, 298.15, 313.15, 333.15, 353.15};
        double[] sigmaT = new double[t.length];
        double[] plain = new double[t.length];
        Random random = new Random(9);
        for (int i = 0; i < t.length; i++) {
            double noise = 1 + 1e-3 * random.nextGaussian();
            sigmaT[i] = 1e5 / t[i] * Math.exp(-ea / (Electrochemistry.GAS_CONSTANT * t[i])) * noise;
            plain[i] = 3e2 * Math.exp(-ea / (Electrochemistry.GAS_CONSTANT * t[i])) * noise;
        }
        Arrhenius.Result a = Arrhenius.fit(t, sigmaT, Arrhenius.Form.SIGMA_T);
        assertEquals(0.35, a.activationEnergyEv(), 0.002);
        assertEquals(1e5, a.prefactor(), 0.05e5);
        Arrhenius.Result b = Arrhenius.fit(t, plain, Arrhenius.Form.PLAIN);
        assertEquals(0.35, b.activationEnergyEv(), 0.002);
        // the wrong form shifts Ea by about k_B T (0.026 eV at room temperature)
        double shift = Arrhenius.fit(t, sigmaT, Arrhenius.Form.PLAIN).activationEnergyEv() - 0.35;
        assertTrue(shift < -0.02 && shift > -0.035, "shift " + shift);
        assertTrue(a.rSquared() > 0.9999);
        assertThrows(AnalysisException.class, () -> Arrhenius.fit(new double[] {300, 310}, new double[] {1, 2},
                Arrhenius.Form.PLAIN));
    }

    @Test
    void dqdvFindsTheStagesOfASyntheticDischarge() {
        // Q(V) with two plateaus (logistic steps) at 3.65 V (1.0 A.h) and 3.90 V (0.5 A.h), width 15 mV
        int n = 2000;
        double[] v = new double[n];
        double[] q = new double[n];
        Random random = new Random(2);
        for (int i = 0; i < n; i++) {
            v[i] = 3.5 + 0.6 * i / (n - 1);
            q[i] = 1.0 / (1 + Math.exp((v[i] - 3.65) / 0.015)) + 0.5 / (1 + Math.exp((v[i] - 3.90) / 0.015))
                    + 1e-4 * random.nextGaussian();
        }
        DifferentialCapacity.Result r = DifferentialCapacity.compute(q, v, 1e-3, 5e-3);
        assertEquals(2, r.peaks().size(), "peaks " + r.peaks());
        assertEquals(3.65, r.peaks().get(0), 0.003);
        assertEquals(3.90, r.peaks().get(1), 0.003);
        // area under |dQ/dV| equals the capacity exchanged
        double area = 0;
        for (int i = 1; i < r.voltage().length; i++) {
            area += 0.5 * (r.dqdv()[i] + r.dqdv()[i - 1]) * (r.voltage()[i] - r.voltage()[i - 1]);
        }
        assertEquals(-1.5, area, 0.01);
        double[] turning = v.clone();
        turning[100] = 3.0;
        assertThrows(AnalysisException.class, () -> DifferentialCapacity.compute(q, turning, 1e-3, 5e-3));
    }
}
