package io.nernst.models.deposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DepositionSettingsTest {

    private static IllegalArgumentException reject(UnaryOperator<DepositionSettings.Builder> change) {
        return assertThrows(IllegalArgumentException.class, () -> change.apply(DepositionSettings.builder()).build());
    }

    private static void assertMessage(IllegalArgumentException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' missing in: " + e.getMessage());
        }
    }

    @Test
    void badInputNamesKeyValueAndAllowedRange() {
        assertMessage(reject(b -> b.galvanostatic(-10.0)), "control.currentDensity", "-10.0", "> 0");
        assertMessage(reject(b -> b.galvanostatic(0.0)), "control.currentDensity", "> 0");
        assertMessage(reject(b -> b.bulkConcentration(0.0)), "electrolyte.concentration", "0.0", "> 0");
        assertMessage(reject(b -> b.bulkConcentration(-5)), "electrolyte.concentration", "-5.0");
        // default grid: 16 um / 64 cells = 0.25 um
        assertMessage(reject(b -> b.interfaceWidth(0.1e-6)), "domain.interfaceWidth", "1.0E-7", "grid spacing", "2.5E-7");
        assertMessage(reject(b -> b.transferenceNumber(1.2)), "electrolyte.transferenceNumber", "1.2", "(0.0, 1.0)");
        assertMessage(reject(b -> b.morphology(InitialMorphology.Bumps.single(20e-6, 1e-6))), "morphology.bumps[0].x",
                "2.0E-5", "outside the domain", "[0, 1.6E-5)");
        assertMessage(reject(b -> b.morphology(InitialMorphology.Bumps.single(8e-6, 39e-6))), "morphology.bumps[0].radius",
                "above the top");
        assertMessage(reject(b -> b.morphology(new InitialMorphology.Rough(8e-6, 2e-6, 1))), "morphology.amplitude");
        assertMessage(reject(b -> b.surfaceHeight(0.5e-6)), "domain.surfaceHeight");
        assertMessage(reject(b -> b.cellsX(2)), "domain.cellsX", ">= 3");
        assertMessage(reject(b -> b.width(16e-6).cellsX(16)), "aspect ratio");
        assertMessage(reject(b -> b.potentiostatic(5.0)), "control.electrodePotential", "5.0");
        assertMessage(reject(b -> b.duration(Double.NaN)), "time.duration");
        assertMessage(reject(b -> b.initialTimeStep(0.0)), "time.initialStep", "0.0", "> 0 s");
        assertMessage(reject(b -> b.maxConcentrationChange(-1.0)), "time.maxConcentrationChange", "-1.0", "> 0 mol/m^3");
    }

    @Test
    void diffusivityFollowsTheConductivityByNernstEinstein() {
        DepositionSettings s = DepositionSettings.builder().build();
        // kappa R T / (F^2 c0) = D+ + D-;  D = 2 t+ (1 - t+) (D+ + D-)
        double sum = 0.148 * 8.314462618 * 298.15 / (96485.33212 * 96485.33212 * 1490.0);
        assertEquals(2 * 0.38 * 0.62 * sum, s.diffusivity(), 1e-25);
        assertEquals(1.246e-11, s.diffusivity(), 0.001e-11);
        // toBuilder keeps the diffusivity derived, so a new conductivity re-derives it.
        DepositionSettings t = s.toBuilder().conductivity(0.096).build();
        assertEquals(s.diffusivity() * 0.096 / 0.148, t.diffusivity(), 1e-25);
        // explicit diffusivity wins
        assertEquals(3e-10, s.toBuilder().diffusivity(3e-10).build().diffusivity(), 0.0);
        assertEquals(1.30e-5, s.molarVolume(), 0.01e-5);
        assertEquals(4 * 0.25e-6, s.interfaceWidth(), 1e-15);
    }

    @Test
    void kineticsFollowSeed003() {
        LithiumKinetics k = new LithiumKinetics(2.0, 1.5, 0.5, 1000.0, 298.15);
        double f = 96485.33212 / (8.314462618 * 298.15);
        double eta = -0.03;
        double expected = 2.0 * (Math.exp(1.5 * f * eta) - 0.5 * Math.exp(-0.5 * f * eta));
        assertEquals(expected, k.current(eta, 500.0), 1e-12);
        double h = 1e-7;
        assertEquals((k.current(eta + h, 500) - k.current(eta - h, 500)) / (2 * h), k.slope(eta, 500), 1e-6);
        // equilibrium at c = c_ref is eta = 0; plating overpotential for -10 A/m2 is negative
        assertEquals(0.0, k.current(0.0, 1000.0), 1e-15);
        double plating = k.overpotentialFor(-10.0, 1000.0);
        assertTrue(plating < 0);
        assertEquals(-10.0, k.current(plating, 1000.0), 1e-10);
        // negative concentration never reverses the cathodic branch
        assertEquals(k.current(-0.1, 0.0), k.current(-0.1, -3.0), 0.0);
    }

    @Test
    void roughSurfaceHasTheRequestedRootMeanSquareAndIsReproducible() {
        InitialMorphology.Rough rough = new InitialMorphology.Rough(0.4e-6, 2e-6, 42);
        double width = 32e-6;
        double sum = 0;
        double sumSq = 0;
        int m = 4096;
        for (int q = 0; q < m; q++) {
            double h = rough.elevation(width * q / m, width);
            sum += h;
            sumSq += h * h;
        }
        assertEquals(0.0, sum / m, 1e-12);
        assertEquals(0.4e-6, Math.sqrt(sumSq / m), 1e-9);
        assertEquals(rough.elevation(3e-6, width), new InitialMorphology.Rough(0.4e-6, 2e-6, 42).elevation(3e-6, width), 0.0);
        assertTrue(rough.elevation(3e-6, width) != new InitialMorphology.Rough(0.4e-6, 2e-6, 43).elevation(3e-6, width));
        // periodic
        assertEquals(rough.elevation(0.0, width), rough.elevation(width, width), 1e-15);
    }

    @Test
    void bumpsAreUnionsOfDiscsAndThePlane() {
        InitialMorphology.Bumps b = new InitialMorphology.Bumps(List.of(new InitialMorphology.Bump(2e-6, 1e-6),
                new InitialMorphology.Bump(9.8e-6, 0.5e-6)));
        double w = 10e-6;
        assertEquals(1e-6, b.signedDistance(2e-6, 5e-6 + 2e-6, w, 5e-6), 1e-15); // 1 um above the top of bump 1
        assertEquals(-0.5e-6, b.signedDistance(9.8e-6, 5e-6, w, 5e-6), 1e-15);     // centre of bump 2
        assertEquals(1e-6, b.signedDistance(5.5e-6, 6e-6, w, 5e-6), 1e-15);       // above the plane
        // periodic image: (0.1, 5.2) um lies inside the image of bump 2 centred at x = -0.2 um
        assertEquals(Math.hypot(0.3e-6, 0.2e-6) - 0.5e-6, b.signedDistance(0.1e-6, 5.2e-6, w, 5e-6), 1e-15);
    }
}
