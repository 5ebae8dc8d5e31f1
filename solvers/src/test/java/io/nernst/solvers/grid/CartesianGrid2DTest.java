package io.nernst.solvers.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CartesianGrid2DTest {

    @Test
    void geometryAndIndexing() {
        CartesianGrid2D g = new CartesianGrid2D(4, 3, 0.5, 2.0, 1.0, -1.0, false);
        assertEquals(12, g.cellCount());
        assertEquals(2.0, g.width(), 0.0);
        assertEquals(6.0, g.height(), 0.0);
        assertEquals(1.25, g.xCentre(0), 1e-15);
        assertEquals(0.0, g.yCentre(0), 1e-15);
        assertEquals(3.0, g.xFace(4), 1e-15);
        assertEquals(5.0, g.yFace(3), 1e-15);
        int k = g.index(3, 2);
        assertEquals(11, k);
        assertEquals(3, g.iOf(k));
        assertEquals(2, g.jOf(k));
    }

    @Test
    void neighboursWithWalls() {
        CartesianGrid2D g = new CartesianGrid2D(4, 3, 1, 1, 0, 0, false);
        assertEquals(CartesianGrid2D.NO_NEIGHBOUR, g.west(g.index(0, 1)));
        assertEquals(CartesianGrid2D.NO_NEIGHBOUR, g.east(g.index(3, 1)));
        assertEquals(CartesianGrid2D.NO_NEIGHBOUR, g.south(g.index(2, 0)));
        assertEquals(CartesianGrid2D.NO_NEIGHBOUR, g.north(g.index(2, 2)));
        assertEquals(g.index(2, 1), g.east(g.index(1, 1)));
        assertEquals(g.index(1, 2), g.north(g.index(1, 1)));
        assertEquals(0, g.wrapOrClampI(-2));
        assertEquals(3, g.wrapOrClampI(7));
        assertEquals(0, g.clampJ(-1));
        assertEquals(2, g.clampJ(5));
    }

    @Test
    void periodicNeighbours() {
        CartesianGrid2D g = new CartesianGrid2D(4, 3, 1, 1, 0, 0, true);
        assertEquals(g.index(3, 1), g.west(g.index(0, 1)));
        assertEquals(g.index(0, 1), g.east(g.index(3, 1)));
        assertEquals(3, g.wrapOrClampI(-1));
        assertEquals(2, g.wrapOrClampI(-6));
        assertEquals(1, g.wrapOrClampI(9));
        // y stays walled even when x is periodic
        assertEquals(CartesianGrid2D.NO_NEIGHBOUR, g.south(g.index(0, 0)));
    }

    @Test
    void fillAndIntegrate() {
        CartesianGrid2D g = CartesianGrid2D.ofSize(10, 20, 2.0, 1.0, true);
        double[] f = g.fill(g.newField(), (x, y) -> x + y);
        // midpoint rule is exact for linear functions: int (x + y) = 2*1*(1 + 0.5) = 3
        assertEquals(3.0, g.integrate(f), 1e-12);
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CartesianGrid2D(4, 3, -1, 1, 0, 0, false));
        assertTrue(e.getMessage().contains("dx"), e.getMessage());
        CartesianGrid2D g = new CartesianGrid2D(4, 3, 1, 1, 0, 0, false);
        e = assertThrows(IllegalArgumentException.class, () -> g.requireField(new double[5], "phi"));
        assertTrue(e.getMessage().contains("phi") && e.getMessage().contains("12"), e.getMessage());
    }
}
