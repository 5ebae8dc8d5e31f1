package io.nernst.core.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    private static Expression x(String text) {
        return Expression.compile(text, "x", Map.of(), "test");
    }

    @Test
    void valuesAndDerivativesMatchClosedForms() {
        double[] xs = {0.05, 0.3, 0.5542, 0.9};
        for (double s : xs) {
            Expression u = x("4.4875 - 0.8090*x - 0.0428*tanh(18.5138*(x - 0.5542))");
            assertEquals(4.4875 - 0.8090 * s - 0.0428 * Math.tanh(18.5138 * (s - 0.5542)), u.value(s, 298.15), 1e-15);
            double t = Math.tanh(18.5138 * (s - 0.5542));
            assertEquals(-0.8090 - 0.0428 * 18.5138 * (1 - t * t), u.derivative(s, 298.15), 1e-13);

            Expression g = x("exp(-x**2) * sqrt(x) / (1 + x^3) + log(x) - log10(x) + cosh(x) - sinh(2*x) + abs(x - 0.5)");
            double v = Math.exp(-s * s) * Math.sqrt(s) / (1 + s * s * s) + Math.log(s) - Math.log10(s) + Math.cosh(s)
                    - Math.sinh(2 * s) + Math.abs(s - 0.5);
            assertEquals(v, g.value(s, 300), 1e-14);
            double h = 1e-6;
            double fd = (g.value(s + h, 300) - g.value(s - h, 300)) / (2 * h);
            assertEquals(fd, g.derivative(s, 300), 1e-7 * Math.max(1, Math.abs(fd)));
        }
    }

    @Test
    void variableExponentTemperatureAndConstants() {
        Expression e = Expression.compile("x**x * exp(-5000/(R*T)) + min(x, 0.5) + max(x, cmax) + pi*F*0", "x",
                Map.of("cmax", 0.2), "test");
        double s = 0.3;
        double v = Math.pow(s, s) * Math.exp(-5000 / (8.314462618 * 310)) + 0.3 + 0.3;
        assertEquals(v, e.value(s, 310), 1e-15);
        double d = Math.pow(s, s) * (Math.log(s) + 1) * Math.exp(-5000 / (8.314462618 * 310)) + 1 + 1;
        assertEquals(d, e.derivative(s, 310), 1e-12);
    }

    @Test
    void precedenceFollowsPython() {
        assertEquals(-4.0, x("-x**2").value(2, 0), 0);
        assertEquals(512.0, x("2**3**2").value(0, 0), 0);
        assertEquals(0.5, x("2**-1").value(0, 0), 0);
        assertEquals(7.0, x("1 + 2*3").value(0, 0), 0);
        assertEquals(1.5, x("3/2").value(0, 0), 0);
        assertTrue(x("2*3 + T").independentOfState());
    }

    @Test
    void malformedInputHasACaretUnderTheBadToken() {
        ExpressionException e = assertThrows(ExpressionException.class, () -> x("1 + * x"));
        assertEquals(4, e.position());
        assertTrue(e.getMessage().contains("1 + * x\n        ^"), e.getMessage());
        ExpressionException u = assertThrows(ExpressionException.class, () -> x("2*y + 1"));
        assertTrue(u.getMessage().contains("unknown variable 'y'"), u.getMessage());
        assertEquals(2, u.position());
        ExpressionException f = assertThrows(ExpressionException.class, () -> x("tahn(x)"));
        assertTrue(f.getMessage().contains("did you mean 'tanh'"), f.getMessage());
        ExpressionException p = assertThrows(ExpressionException.class, () -> x("(x + 1"));
        assertTrue(p.getMessage().contains("never closed"), p.getMessage());
        assertThrows(ExpressionException.class, () -> x("x + 1)"));
        assertThrows(ExpressionException.class, () -> x("2 x"));
        assertThrows(ExpressionException.class, () -> x(""));
        assertThrows(ExpressionException.class, () -> x("min(x)"));
    }

    @Test
    void evaluationAllocatesNothing() {
        Expression e = x("1.9793*exp(-39.3631*x) + 0.2482 - 0.0909*tanh(29.8538*(x - 0.1234)) - 0.04478*tanh(14.9159*(x - 0.2769))"
                + " - 0.0205*tanh(30.4444*(x - 0.6103)) + x**1.5");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double sum = 0;
        for (int i = 0; i < 20000; i++) {
            sum += e.value(i * 1e-5, 298) + e.derivative(i * 1e-5, 298);
        }
        long before = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 100000; i++) {
            sum += e.value(i * 1e-5, 298) + e.derivative(i * 1e-5, 298);
        }
        long allocated = bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(Double.isFinite(sum));
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes in 100000 evaluations");
    }
}
