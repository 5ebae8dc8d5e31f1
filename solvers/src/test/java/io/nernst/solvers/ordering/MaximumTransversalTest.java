package io.nernst.solvers.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MaximumTransversalTest {

    @Test
    void zeroFreeDiagonalGivesTheIdentity() {
        CsrMatrix a = randomPattern(50, 3, 1L, true);
        MaximumTransversal m = MaximumTransversal.of(a);
        assertEquals(50, m.structuralRank());
        for (int j = 0; j < 50; j++) {
            assertEquals(j, m.rowOfColumn(j));
        }
    }

    @Test
    void matchesAreStructuralNonzerosAndRankAgreesWithKuhnsAlgorithm() {
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            int n = 5 + random.nextInt(60);
            // Sparse random patterns without a forced diagonal: often rank deficient.
            CsrMatrix a = randomPattern(n, 1 + random.nextInt(2), seed, false);
            MaximumTransversal m = MaximumTransversal.of(a);
            assertEquals(kuhnRank(a), m.structuralRank(), "seed " + seed);
            int matched = 0;
            for (int j = 0; j < n; j++) {
                int i = m.rowOfColumn(j);
                if (i >= 0) {
                    matched++;
                    assertTrue(a.slot(i, j) >= 0, "matched (" + i + ", " + j + ") is not in the pattern");
                    assertEquals(j, m.columnOfRow(i));
                }
            }
            assertEquals(m.structuralRank(), matched);
        }
    }

    @Test
    void permutedDiagonalIsFoundThroughAugmentingPaths() {
        int n = 300;
        int[] perm = Graphs.randomPermutation(n, 7L);
        // Entry (perm[j], j) plus entries (perm[j], j+1): the greedy pass can pick wrong rows,
        // only augmenting paths recover a perfect matching.
        int[] rows = new int[2 * n];
        int[] cols = new int[2 * n];
        int c = 0;
        for (int j = 0; j < n; j++) {
            rows[c] = perm[j];
            cols[c++] = j;
            if (j + 1 < n) {
                rows[c] = perm[j];
                cols[c++] = j + 1;
            }
        }
        CsrMatrix a = CsrMatrix.fromTriplets(n, n, rows, cols, null, c);
        MaximumTransversal m = MaximumTransversal.of(a);
        assertEquals(n, m.structuralRank());
        assertEquals(-1, m.firstUnmatchedColumn());
        assertTrue(Permutations.isPermutation(m.columnOfEveryRow(), n));
    }

    @Test
    void twoRowsCompetingForOneColumnLoseOneRank() {
        int n = 10;
        int[] rows = new int[n + 1];
        int[] cols = new int[n + 1];
        int c = 0;
        for (int i = 0; i < n; i++) {
            rows[c] = i;
            cols[c++] = (i == 3 || i == 6) ? 8 : i;
        }
        CsrMatrix a = CsrMatrix.fromTriplets(n, n, rows, cols, null, c);
        MaximumTransversal m = MaximumTransversal.of(a);
        assertEquals(n - 2, m.structuralRank(), "rows 3 and 6 and 8 share column 8: columns 3 and 6 are empty");
    }

    private static CsrMatrix randomPattern(int n, int perRow, long seed, boolean diagonal) {
        Random random = new Random(seed);
        int[] rows = new int[n * (perRow + 1)];
        int[] cols = new int[n * (perRow + 1)];
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (diagonal) {
                rows[c] = i;
                cols[c++] = i;
            }
            for (int k = 0; k < perRow; k++) {
                rows[c] = i;
                cols[c++] = random.nextInt(n);
            }
        }
        return CsrMatrix.fromTriplets(n, n, rows, cols, null, c);
    }

    /** Reference: Kuhn's augmenting-path matching, plain recursion. */
    private static int kuhnRank(CsrMatrix a) {
        int n = a.rows();
        int[] columnOfRow = new int[n];
        java.util.Arrays.fill(columnOfRow, -1);
        int[] rowOfColumn = new int[n];
        java.util.Arrays.fill(rowOfColumn, -1);
        int rank = 0;
        for (int r = 0; r < n; r++) {
            if (augment(a, r, new boolean[n], rowOfColumn, columnOfRow)) {
                rank++;
            }
        }
        return rank;
    }

    private static boolean augment(CsrMatrix a, int r, boolean[] seen, int[] rowOfColumn, int[] columnOfRow) {
        for (int p = a.rowStart()[r]; p < a.rowStart()[r + 1]; p++) {
            int j = a.columnIndex()[p];
            if (seen[j]) {
                continue;
            }
            seen[j] = true;
            if (rowOfColumn[j] < 0 || augment(a, rowOfColumn[j], seen, rowOfColumn, columnOfRow)) {
                rowOfColumn[j] = r;
                columnOfRow[r] = j;
                return true;
            }
        }
        return false;
    }
}
