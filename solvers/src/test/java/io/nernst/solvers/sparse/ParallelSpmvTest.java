package io.nernst.solvers.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ParallelSpmvTest {

    /** Random pattern; row r has about perRow entries, and every 997th row has min(n, 3000) entries. */
    private static CsrMatrix skewed(int n, int perRow, long seed) {
        Random random = new Random(seed);
        int dense = Math.min(n, 3000);
        int cap = n * 2 * perRow + (n / 997 + 1) * dense;
        int[] rows = new int[cap];
        int[] cols = new int[cap];
        double[] vals = new double[cap];
        int c = 0;
        for (int r = 0; r < n; r++) {
            int m = r % 997 == 0 ? dense : 1 + random.nextInt(2 * perRow);
            for (int k = 0; k < m && c < cap; k++) {
                rows[c] = r;
                cols[c] = r % 997 == 0 ? k : random.nextInt(n);
                // Values spanning many magnitudes make any change of summation order visible.
                vals[c] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 6);
                c++;
            }
        }
        return CsrMatrix.fromTriplets(n, n, rows, cols, vals, c);
    }

    @Test
    void resultIsBitForBitTheSerialProduct() {
        for (int threads : new int[] {1, 2, 3, 4, 7}) {
            CsrMatrix a = skewed(100_001, 6, threads);
            double[] x = new double[a.columns()];
            Random random = new Random(threads);
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian() * Math.pow(10, random.nextInt(8) - 4);
            }
            double[] serial = new double[a.rows()];
            a.multiply(x, serial);
            try (ParallelSpmv spmv = new ParallelSpmv(a, threads)) {
                long weight = a.nonZeros() + 2L * a.rows();
                assertEquals(threads == 1 ? 1 : (int) Math.min(ParallelSpmv.CHUNKS_PER_THREAD * (long) threads,
                        weight / ParallelSpmv.MIN_CHUNK_WEIGHT), spmv.chunks(),
                        "chunks for " + threads + " threads");
                double[] parallel = new double[a.rows()];
                for (int repeat = 0; repeat < 50; repeat++) {
                    java.util.Arrays.fill(parallel, Double.NaN);
                    spmv.multiply(a, x, parallel);
                    assertArrayEquals(serial, parallel, 0.0, threads + " threads, repeat " + repeat);
                }
                // Refilled values on the same pattern.
                CsrMatrix b = a.withSamePattern();
                for (int p = 0; p < b.nonZeros(); p++) {
                    b.values()[p] = a.values()[p] * 1.5 - 1.0;
                }
                b.multiply(x, serial);
                spmv.multiply(b, x, parallel);
                assertArrayEquals(serial, parallel, 0.0, threads + " threads, refilled");
            }
        }
    }

    @Test
    void fivePointStencilIsBitForBitTheSerialProduct() {
        // Mostly 5-entry rows (the paired fast path), 3- and 4-entry rows on the boundary.
        int k = 150;
        int n = k * k;
        int[] rows = new int[5 * n];
        int[] cols = new int[5 * n];
        double[] vals = new double[5 * n];
        Random random = new Random(11L);
        int c = 0;
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                int r = i + k * j;
                int[] nb = {r - k, r - 1, r, r + 1, r + k};
                boolean[] ok = {j > 0, i > 0, true, i < k - 1, j < k - 1};
                for (int t = 0; t < 5; t++) {
                    if (ok[t]) {
                        rows[c] = r;
                        cols[c] = nb[t];
                        vals[c++] = random.nextGaussian() * Math.pow(10, random.nextInt(10) - 5);
                    }
                }
            }
        }
        CsrMatrix a = CsrMatrix.fromTriplets(n, n, rows, cols, vals, c);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian() * Math.pow(10, random.nextInt(8) - 4);
        }
        double[] serial = new double[n];
        a.multiply(x, serial);
        for (int threads : new int[] {1, 2, 3}) {
            try (ParallelSpmv spmv = new ParallelSpmv(a, threads)) {
                double[] parallel = new double[n];
                spmv.multiply(a, x, parallel);
                assertArrayEquals(serial, parallel, 0.0, threads + " threads");
            }
        }
    }

    @Test
    void chunksAreBalancedByNonzerosNotRows() {
        // Rows 0..99 have 100 entries each, rows 100..9999 one entry: a row split would give
        // thread 0 almost all the work.
        int n = 10_000;
        int[] rowStart = new int[n + 1];
        for (int r = 0; r < n; r++) {
            rowStart[r + 1] = rowStart[r] + (r < 100 ? 100 : 1);
        }
        int chunks = 4;
        int[] start = ParallelSpmv.split(rowStart, n, chunks);
        long total = rowStart[n] + (long) ParallelSpmv.ROW_WEIGHT * n;
        long maxRow = 100 + ParallelSpmv.ROW_WEIGHT;
        assertEquals(0, start[0]);
        assertEquals(n, start[chunks]);
        for (int c = 0; c < chunks; c++) {
            long w = rowStart[start[c + 1]] - rowStart[start[c]] + (long) ParallelSpmv.ROW_WEIGHT * (start[c + 1] - start[c]);
            assertTrue(Math.abs(w - total / chunks) <= maxRow, "chunk " + c + " weight " + w + " vs " + total / chunks);
        }
    }

    @Test
    void moreThreadsThanRowsAndTinyMatrices() {
        CsrMatrix a = CsrMatrix.fromTriplets(2, 2, new int[] {0, 1, 1}, new int[] {0, 0, 1}, new double[] {2, 3, 4}, 3);
        try (ParallelSpmv spmv = new ParallelSpmv(a, 8)) {
            assertEquals(1, spmv.chunks(), "too little work to split");
            double[] y = new double[2];
            spmv.multiply(a, new double[] {1, 10}, y);
            assertArrayEquals(new double[] {2, 43}, y, 0.0);
        }
    }

    @Test
    void badInputIsRejected() {
        CsrMatrix a = skewed(100, 3, 9L);
        ParallelSpmv spmv = new ParallelSpmv(a, 2);
        assertThrows(IllegalArgumentException.class, () -> spmv.multiply(skewed(100, 3, 10L), new double[100], new double[100]));
        assertThrows(IllegalArgumentException.class, () -> spmv.multiply(a, new double[99], new double[100]));
        double[] same = new double[100];
        assertThrows(IllegalArgumentException.class, () -> spmv.multiply(a, same, same));
        spmv.close();
        assertThrows(IllegalStateException.class, () -> spmv.multiply(a, new double[100], new double[100]));
        assertThrows(IllegalArgumentException.class, () -> new ParallelSpmv(a, 0));
    }
}
