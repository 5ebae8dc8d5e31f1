package io.nernst.models.solidstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** VTF against its closed form and its A T^-1/2 exp(-B/(T - T0)) form. */
class VtfConductivityTest {

    @Test
    void matchesTheVtfFormAndItsDerivative() {
        // PEO-LiTFSI-like: 0.014 S/m (0.14 mS/cm) at 60 degC (solid-state.md 2.8); B = 1000 K, T0 = 200 K (test values)
        VtfConductivity s = new VtfConductivity(0.014, 333.15, 1000, 200);
        double a = 0.014 * Math.sqrt(333.15) * Math.exp(1000 / 133.15);
        for (double t : new double[] {303.15, 333.15, 353.15}) {
            assertEquals(a / Math.sqrt(t) * Math.exp(-1000 / (t - 200)), s.value(1000, t), 1e-15 * a);
            double h = 1e-4;
            double fd = (s.value(0, t + h) - s.value(0, t - h)) / (2 * h);
            assertEquals(fd, s.temperatureDerivative(t), 1e-7 * Math.abs(fd));
        }
        assertEquals(0.014, s.value(0, 333.15), 1e-17);
        assertThrows(IllegalArgumentException.class, () -> s.value(0, 150));
        assertThrows(IllegalArgumentException.class, () -> new VtfConductivity(0.014, 333.15, 1000, 400));
    }
}
