package io.nernst.solvers.dae.coloring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.solvers.sparse.CsrMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnColoringTest {

    private static CsrMatrix pattern(int n, List<int[]> entries) {
        int[] r = new int[entries.size()];
        int[] c = new int[entries.size()];
        for (int k = 0; k < entries.size(); k++) {
            r[k] = entries.get(k)[0];
            c[k] = entries.get(k)[1];
        }
        return CsrMatrix.fromTriplets(n, n, r, c, null, entries.size());
    }

    private static CsrMatrix banded(int n, int lower, int upper) {
        List<int[]> e = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - lower); j <= Math.min(n - 1, i + upper); j++) {
                e.add(new int[] {i, j});
            }
        }
        return pattern(n, e);
    }

    /** No two columns of one group share a row, every column is in exactly one group, CSC view matches CSR. */
    private static void assertValid(CsrMatrix p, ColumnColoring c) {
        int n = p.columns();
        int[] seenInGroup = new int[p.rows()];
        java.util.Arrays.fill(seenInGroup, -1);
        boolean[] covered = new boolean[n];
        for (int g = 0; g < c.groupCount(); g++) {
            for (int q = c.groupStart()[g]; q < c.groupStart()[g + 1]; q++) {
                int j = c.groupColumns()[q];
                assertEquals(g, c.groupOf(j));
                assertTrue(!covered[j], "column " + j + " in two groups");
                covered[j] = true;
                for (int k = c.columnStart()[j]; k < c.columnStart()[j + 1]; k++) {
                    int row = c.columnRow()[k];
                    assertTrue(seenInGroup[row] != g, "group " + g + " has two columns in row " + row);
                    seenInGroup[row] = g;
                    assertEquals(j, p.columnIndex()[c.columnSlot()[k]], "CSC slot points at the right column");
                    assertEquals(c.columnSlot()[k], p.slot(row, j), "CSC slot is the CSR position of (row, col)");
                }
            }
        }
        for (int j = 0; j < n; j++) {
            assertTrue(covered[j], "column " + j + " not grouped");
        }
        assertEquals(p.nonZeros(), c.columnStart()[n], "CSC view holds every nonzero");
    }

    @Test
    void tridiagonalNeedsThreeGroups() {
        CsrMatrix p = banded(50, 1, 1);
        ColumnColoring c = ColumnColoring.of(p);
        assertValid(p, c);
        assertEquals(3, c.groupCount());
        assertEquals(0, c.groupOf(0));
        assertEquals(1, c.groupOf(1));
        assertEquals(2, c.groupOf(2));
        assertEquals(0, c.groupOf(3));
    }

    @Test
    void bandedNeedsBandwidthPlusOneGroups() {
        CsrMatrix p = banded(40, 2, 3);
        ColumnColoring c = ColumnColoring.of(p);
        assertValid(p, c);
        assertEquals(2 + 3 + 1, c.groupCount());
    }

    @Test
    void diagonalNeedsOneGroupAndDenseNeedsOnePerColumn() {
        CsrMatrix diagonal = banded(10, 0, 0);
        assertEquals(1, ColumnColoring.of(diagonal).groupCount());
        CsrMatrix dense = banded(7, 6, 6);
        ColumnColoring c = ColumnColoring.of(dense);
        assertValid(dense, c);
        assertEquals(7, c.groupCount());
    }

    @Test
    void blockDiagonalWithCouplingRowIsGroupedCorrectly() {
        // Two decoupled tridiagonal blocks plus one row coupling the first column of each block:
        // the coupling forces those two columns apart but the groups stay few.
        int m = 20;
        List<int[]> e = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < m; i++) {
                for (int j = Math.max(0, i - 1); j <= Math.min(m - 1, i + 1); j++) {
                    e.add(new int[] {b * m + i, b * m + j});
                }
            }
        }
        e.add(new int[] {0, m});
        CsrMatrix p = pattern(2 * m, e);
        ColumnColoring c = ColumnColoring.of(p);
        assertValid(p, c);
        assertTrue(c.groupOf(0) != c.groupOf(m));
        assertTrue(c.groupCount() <= 4, "got " + c.groupCount());
    }

    @Test
    void randomPatternsAreValidAndBoundedByMaxRowDegreeProduct() {
        Random random = new Random(7);
        for (int trial = 0; trial < 30; trial++) {
            int n = 5 + random.nextInt(60);
            List<int[]> e = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                e.add(new int[] {i, i});
                int extra = random.nextInt(4);
                for (int k = 0; k < extra; k++) {
                    e.add(new int[] {i, random.nextInt(n)});
                }
            }
            CsrMatrix p = pattern(n, e);
            ColumnColoring c = ColumnColoring.of(p);
            assertValid(p, c);
            // Greedy bound: a column clashes with at most sum over its rows of (row degree - 1) others.
            int maxRow = 0;
            int maxCol = 0;
            for (int r = 0; r < n; r++) {
                maxRow = Math.max(maxRow, p.rowStart()[r + 1] - p.rowStart()[r]);
            }
            for (int j = 0; j < n; j++) {
                maxCol = Math.max(maxCol, c.columnStart()[j + 1] - c.columnStart()[j]);
            }
            assertTrue(c.groupCount() <= maxCol * (maxRow - 1) + 1, "greedy bound violated");
            assertTrue(c.groupCount() >= maxRow, "a row with d nonzeros needs d groups");
        }
    }
}
