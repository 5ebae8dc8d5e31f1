package io.nernst.models.solidstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.models.electrode.EffectiveMedium;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.models.solidstate.CompositeComposition.Phase;
import io.nernst.models.solidstate.CompositeComposition.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Composition conversion and closures against hand-computed values from the seeds
 * (solid-state.md sections 1.6, 2.5, 2.9) and their limits.
 */
class CompositeCathodeTest {
    private static final double MG_PER_CM2 = 1e-2; // kg/m2

    private static CompositeComposition.Builder seed001(double ncmParts, double licDensity) {
        return CompositeComposition.of(List.of(
                new Phase("NCM90", Role.ACTIVE, ncmParts, 4780),
                new Phase("Li3InCl6", Role.CATHOLYTE, 100 - ncmParts, licDensity)));
    }

    @Test
    void seed001MassRatiosGiveTheTabulatedVolumeFractions() {
        // hand: 0.65/4.78 = 0.135983, 0.35/2.6 = 0.134615; phi = 0.1359833/0.2705987 = 0.5025275; rho = 1/0.270598 g/cm3
        CompositeComposition c = seed001(65, 2600).porosity(0.0).compositeLoading(5.0 / 0.785398 * MG_PER_CM2).build();
        assertEquals(0.65 / 4.78 / (0.65 / 4.78 + 0.35 / 2.6), c.solidVolumeFraction("NCM90"), 1e-12);
        assertEquals(0.5025275, c.solidVolumeFraction("NCM90"), 1e-6);
        assertEquals(3695.5, c.solidDensity(), 0.1);
        // 5 mg in the 10 mm die: 6.366 mg/cm2 composite, dense thickness 17.2 um (solid-state.md 2.5: 17-21 um)
        assertEquals(6.366e-2 / 3695.5, c.thickness(), 1e-8);
        assertEquals(17.23e-6, c.thickness(), 0.01e-6);
        assertEquals(0.65 * 6.3662e-2, c.activeLoading(), 1e-6);
        // the table of solid-state.md 2.5 (rho_LIC = 2.6 / 2.7 g/cm3)
        double[][] table = {{60, 0.449, 0.459}, {65, 0.503, 0.512}, {70, 0.559, 0.569}, {75, 0.620, 0.629}, {80, 0.685, 0.693}};
        for (double[] row : table) {
            assertEquals(row[1], seed001(row[0], 2600).porosity(0).thickness(20e-6).build().solidVolumeFraction("NCM90"), 6e-4);
            assertEquals(row[2], seed001(row[0], 2700).porosity(0).thickness(20e-6).build().solidVolumeFraction("NCM90"), 6e-4);
        }
        // 14 % porosity: phi_LIC,total = 0.86 * 0.497 = 0.428 (solid-state.md 2.5: about 0.43)
        CompositeComposition porous = seed001(65, 2600).porosity(0.14).activeLoading(4.5 * MG_PER_CM2).build();
        assertEquals(0.86 * (1 - 0.5025275), porous.volumeFraction("Li3InCl6"), 1e-6);
        assertEquals(4.5 * MG_PER_CM2 / 0.65, porous.compositeLoading(), 1e-12);
        assertEquals(porous.compositeLoading() / (0.86 * porous.solidDensity()), porous.thickness(), 1e-15);
        assertEquals(1.0 - 0.14, porous.volumeFraction(Role.ACTIVE) + porous.volumeFraction(Role.CATHOLYTE), 1e-14);
    }

    @Test
    void seed002ThreePhaseCathodeAndPelletDensity() {
        List<Phase> phases = List.of(new Phase("NCM811", Role.ACTIVE, 80, 4780), new Phase("PEO-LiTFSI", Role.CATHOLYTE, 15, 1230),
                new Phase("CNT", Role.CARBON, 5, 1800));
        CompositeComposition c = CompositeComposition.of(phases).porosity(0).activeLoading(28.6 * MG_PER_CM2).build();
        // solid-state.md 2.5 first row: 0.528 / 0.384 / 0.088
        assertEquals(0.528, c.solidVolumeFraction("NCM811"), 5e-4);
        assertEquals(0.384, c.solidVolumeFraction("PEO-LiTFSI"), 1e-3);
        assertEquals(0.088, c.solidVolumeFraction("CNT"), 5e-4);
        // pellet density 0.8 rho_s gives porosity 0.2
        CompositeComposition p = CompositeComposition.of(phases).pelletDensity(0.8 * c.solidDensity()).thickness(100e-6).build();
        assertEquals(0.2, p.porosity(), 1e-12);
        assertEquals(0.8 * c.solidDensity() * 100e-6, p.compositeLoading(), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompositeComposition.of(phases).pelletDensity(1.1 * c.solidDensity()).thickness(1e-4).build());
        assertTrue(e.getMessage().contains("pellet_density"), e.getMessage());
    }

    @Test
    void volumeFractionInputAsMinnmannGivesIt() {
        // Minnmann 2021 Table S2 row 3: 42 vol% NCM622 (4.65 g/cm3), 44 vol% LPSCl (1.87), 14 % voids -> about 70:30 wt
        CompositeComposition c = CompositeComposition.ofVolumeFractions(List.of(
                new CompositeComposition.VolumePhase("NCM622", Role.ACTIVE, 0.42, 4650),
                new CompositeComposition.VolumePhase("LPSCl", Role.CATHOLYTE, 0.44, 1870)), 0.14).thickness(50e-6).build();
        assertEquals(0.42 * 4.65 / (0.42 * 4.65 + 0.44 * 1.87), c.massFraction("NCM622"), 1e-12);
        assertEquals(0.70, c.massFraction("NCM622"), 0.01);
        assertEquals(0.42, c.volumeFraction("NCM622"), 1e-12);
        assertEquals(0.44, c.volumeFraction("LPSCl"), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompositeComposition.ofVolumeFractions(List.of(
                new CompositeComposition.VolumePhase("NCM622", Role.ACTIVE, 0.42, 4650),
                new CompositeComposition.VolumePhase("LPSCl", Role.CATHOLYTE, 0.44, 1870)), 0.20));
        assertTrue(e.getMessage().contains("do not add up") && e.getMessage().contains("1.060000"), e.getMessage());
    }

    @Test
    void badCompositionsAreRefusedNamingTheKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Phase("LIC", Role.CATHOLYTE, -35, 2600))
                .getMessage().contains("composition.LIC.mass_ratio = -35"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> seed001(65, 2600).porosity(1.0))
                .getMessage().contains("composition.porosity = 1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> seed001(65, 2600).porosity(0.1).pelletDensity(3000)
                .thickness(1e-5).build()).getMessage().contains("exactly one of porosity and pellet_density"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> seed001(65, 2600).porosity(0.1).build())
                .getMessage().contains("exactly one of composite_loading"));
        assertThrows(IllegalArgumentException.class, () -> CompositeComposition.of(List.of(new Phase("LIC", Role.CATHOLYTE, 1, 2600))));
    }

    @Test
    void percolationClosuresReproduceMinnmannTableS2() {
        EffectiveMedium ionic = CompositeClosures.minnmann2021Ionic();
        EffectiveMedium electronic = CompositeClosures.minnmann2021Electronic();
        // phi_SE, sigma_ion,eff/1.6 mS/cm measured; phi_NCM, sigma_e,eff/10 mS/cm measured (solid-state.md 1.6)
        double[][] rows = {{0.61, 4.08e-4 / 1.6e-3, 0.25, 2.06e-5 / 1e-2}, {0.53, 2.66e-4 / 1.6e-3, 0.33, 2.36e-4 / 1e-2},
            {0.44, 1.66e-4 / 1.6e-3, 0.42, 5.56e-4 / 1e-2}, {0.33, 3.45e-5 / 1.6e-3, 0.53, 1.11e-3 / 1e-2},
            {0.25, 3.06e-6 / 1.6e-3, 0.61, 1.43e-3 / 1e-2}};
        for (double[] r : rows) {
            double f = ionic.factor(r[0]);
            assertEquals(Math.pow((r[0] - 0.216) / 0.784, 1.95), f, 1e-15);
            assertEquals(r[1], f, 0.2 * r[1], "ionic at phi_SE = " + r[0]);
            if (r[2] >= 0.33) {
                assertEquals(r[3], electronic.factor(r[2]), 0.1 * r[3], "electronic at phi_NCM = " + r[2]);
            }
        }
        // hand value: 0.503 * (0.61 - 0.233)^1.28 = 0.14430
        assertEquals(0.14430, electronic.factor(0.61), 1e-4);
        assertEquals(0.0, ionic.factor(0.216), 0.0);
        assertEquals(0.0, electronic.factor(0.2), 0.0);
        assertEquals(1.0, ionic.factor(1.0), 1e-15);
        // Bruggeman as the option: 0.44^1.5
        assertEquals(Math.pow(0.44, 1.5), EffectiveMedium.bruggeman(1.5).factor(0.44), 1e-15);
        // Bielefeld 2019 threshold: 45.3 / 49.3 / 54.7 / 57.9 vol% for d = 3 / 5 / 10 / 15 um
        assertEquals(0.453, CompositeClosures.bielefeld2019Threshold(3e-6), 1e-3);
        assertEquals(0.493, CompositeClosures.bielefeld2019Threshold(5e-6), 1e-3);
        assertEquals(0.547, CompositeClosures.bielefeld2019Threshold(10e-6), 1e-3);
        assertEquals(0.579, CompositeClosures.bielefeld2019Threshold(15e-6), 1e-3);
    }

    @Test
    void utilisationVanishesBelowTheElectronicThresholdAndAreaIsThreeEpsThetaOverR() {
        assertEquals(0.0, CompositeClosures.utilisation(0.40, 0.45, 0.41), 0.0);
        assertEquals(0.0, CompositeClosures.utilisation(0.45, 0.45, 0.41), 0.0);
        assertEquals(Math.pow(0.1 / 0.55, 0.41), CompositeClosures.utilisation(0.55, 0.45, 0.41), 1e-15);
        assertEquals(1.0, CompositeClosures.utilisation(1.0, 0.45, 0.41), 1e-15);
        double previous = 0.0;
        for (double phi = 0.46; phi <= 1.0; phi += 0.01) {
            double u = CompositeClosures.utilisation(phi, 0.45, 0.41);
            assertTrue(u > previous && u <= 1.0);
            previous = u;
        }
        // a = 3 * 0.5 * 0.3 / 5 um = 9e4 1/m
        assertEquals(9e4, CompositeClosures.interfacialArea(0.5, 0.3, 5e-6), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> CompositeClosures.interfacialArea(0.5, -0.3, 5e-6));
    }

    @Test
    void activeMaterialConductivityFollowsLithiationAndIsInsulatingWhenLithiated() {
        LithiationDependentConductivity s = LithiationDependentConductivity.aminChiang2016();
        assertEquals(1e-5, s.value(1.0, 298.15), 1e-20);
        assertEquals(1.0, s.value(0.25, 298.15), 1e-15);
        assertEquals(Math.pow(10, -2.5), s.value(0.625, 298.15), 1e-15); // log-midpoint
        assertEquals(1.0, s.value(0.1, 298.15), 1e-15);
        for (double x = 0.3; x < 0.99; x += 0.07) {
            double h = 1e-6;
            double fd = (s.value(x + h, 298.15) - s.value(x - h, 298.15)) / (2 * h);
            assertEquals(fd, s.derivative(x, 298.15), 1e-6 * Math.abs(fd));
            assertTrue(s.derivative(x, 298.15) < 0);
        }
    }

    @Test
    void compositeCathodePropertiesForSeed001AndItsLimits() {
        DifferentiableFunction lic = DifferentiableFunction.constant(0.15); // 1.5 mS/cm (solid-state.md 2.7)
        LithiationDependentConductivity ncm = LithiationDependentConductivity.aminChiang2016();
        double threshold = CompositeClosures.bielefeld2019Threshold(5e-6);
        CompositeCathode c = new CompositeCathode(seed001(65, 2600).porosity(0.14).activeLoading(4.5 * MG_PER_CM2).build(), lic,
                CompositeClosures.minnmann2021Ionic(), 0.216, ncm, CompositeClosures.minnmann2021Electronic(), threshold,
                CompositeClosures.ORDER_PARAMETER_EXPONENT, 0, null, 0, 2.5e-6, 1.0);
        double solidNcm = 0.65 / 4.78 / (0.65 / 4.78 + 0.35 / 2.6); // 0.5025275
        double phiLic = 0.86 * (1 - solidNcm);
        double phiNcm = 0.86 * solidNcm;
        // solid-state.md 2.5: sigma_ion,eff about 0.08 sigma_LIC at 65 wt% with 14 % porosity
        assertEquals(0.15 * Math.pow((phiLic - 0.216) / 0.784, 1.95), c.ionicConductivity(298.15), 1e-12);
        assertEquals(0.08, c.ionicConductivity(298.15) / 0.15, 0.01);
        // phi_NCM = 0.432 < p_c(5 um) = 0.493: electronically isolated, utilisation 0 and a warning
        assertTrue(phiNcm < threshold);
        assertEquals(0.0, c.utilisation(), 0.0);
        assertEquals(0.0, c.interfacialArea(), 0.0);
        assertTrue(c.warnings().get(0).contains("electronic percolation threshold"), c.warnings().toString());
        // with a lower threshold (the Minnmann fit, 0.233) the active material percolates
        CompositeCathode ok = new CompositeCathode(seed001(65, 2600).porosity(0.14).activeLoading(4.5 * MG_PER_CM2).build(), lic,
                CompositeClosures.minnmann2021Ionic(), 0.216, ncm, CompositeClosures.minnmann2021Electronic(), 0.233,
                CompositeClosures.ORDER_PARAMETER_EXPONENT, 0, null, 0, 2.5e-6, 0.8);
        double u = Math.pow((phiNcm - 0.233) / (1 - 0.233), 0.41);
        assertEquals(u, ok.utilisation(), 1e-12);
        assertEquals(3 * u * phiNcm * 0.8 / 2.5e-6, ok.interfacialArea(), 1e-6);
        // discharged (x = 1) the network conducts 1e5 times less than charged (x = 0.25)
        assertEquals(1e-5, ok.electronicConductivity(1.0, 298.15) / ok.electronicConductivity(0.25, 298.15), 1e-12);
        assertTrue(ok.summary(298.15, 0.5).containsKey("ionic_conductivity_effective_S_per_m"));
        // 80 wt% NCM with 35 % porosity: phi_LIC = 0.65 * 0.315 = 0.205 < 0.216, no ionic path
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CompositeCathode(
                seed001(80, 2600).porosity(0.35).thickness(20e-6).build(), lic, CompositeClosures.minnmann2021Ionic(), 0.216, ncm,
                CompositeClosures.minnmann2021Electronic(), 0.233, 0.41, 0, null, 0, 2.5e-6, 1.0));
        assertTrue(e.getMessage().contains("no percolating ionic path"), e.getMessage());
    }
}
