package io.nernst.core.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MonotoneTableTest {

    @Test
    void reproducesLinearDataAndItsSlope() {
        MonotoneTable t = new MonotoneTable(new double[] {0, 0.1, 0.35, 1}, new double[] {1, 1.2, 1.7, 3}, "t");
        for (double x = 0.01; x < 1; x += 0.037) {
            assertEquals(1 + 2 * x, t.value(x, 298), 1e-14);
            assertEquals(2.0, t.derivative(x, 298), 1e-12);
        }
    }

    @Test
    void monotoneDataGiveAMonotoneC1Interpolant() {
        double[] x = {0, 0.05, 0.1, 0.5, 0.9, 0.95, 1};
        double[] y = {1.5, 0.8, 0.2, 0.15, 0.1, 0.05, 0.0};
        MonotoneTable t = new MonotoneTable(x, y, "t");
        double prev = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 10000; i++) {
            double v = t.value(i * 1e-4, 298);
            assertTrue(v <= prev + 1e-15, "not monotone at " + i * 1e-4);
            prev = v;
        }
        for (int k = 1; k < x.length - 1; k++) {
            double left = t.derivative(x[k] - 1e-9, 298);
            double right = t.derivative(x[k] + 1e-9, 298);
            assertEquals(left, right, 1e-5 * Math.max(1, Math.abs(left)), "derivative jumps at x = " + x[k]);
            assertEquals(y[k], t.value(x[k], 298), 1e-15);
        }
        double h = 1e-7;
        assertEquals((t.value(0.3 + h, 0) - t.value(0.3 - h, 0)) / (2 * h), t.derivative(0.3, 0), 1e-6);
        // clamped outside
        assertEquals(1.5, t.value(-1, 298), 0);
        assertEquals(0.0, t.derivative(2, 298), 0);
    }

    @Test
    void refusesNonMonotoneAbscissa() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> new MonotoneTable(new double[] {0, 0.5, 0.4, 1}, new double[] {1, 2, 3, 4}, "cell.yaml: parameter 'X'"));
        assertTrue(e.getMessage().contains("cell.yaml: parameter 'X'") && e.getMessage().contains("x[2] = 0.4"), e.getMessage());
        MonotoneTable decreasing = new MonotoneTable(new double[] {1, 0.5, 0}, new double[] {0, 1, 2}, "t");
        assertEquals(1.0, decreasing.value(0.5, 0), 0);
    }
}
