package io.nernst.solvers.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderingTest {

    private static List<AdjacencyGraph> assortedGraphs() {
        List<AdjacencyGraph> graphs = new ArrayList<>();
        graphs.add(Graphs.fromEdges(1, List.of()));
        graphs.add(Graphs.fromEdges(7, List.of()));
        graphs.add(Graphs.fromEdges(6, List.of(new int[] {0, 5}, new int[] {2, 3})));
        graphs.add(Graphs.star(12, 4));
        graphs.add(Graphs.star(300, 17));
        graphs.add(Graphs.random(200, 3, 1L));
        graphs.add(Graphs.grid(17, 9));
        graphs.add(Graphs.relabel(Graphs.grid(20, 20), Graphs.randomPermutation(400, 2L)));
        graphs.add(Graphs.randomTree(150, 3L));
        return graphs;
    }

    @Test
    void everyOrderingIsAPermutation() {
        for (AdjacencyGraph g : assortedGraphs()) {
            for (FillReducingOrdering ordering : FillReducingOrdering.values()) {
                int[] order = ordering.order(g);
                assertTrue(Permutations.isPermutation(order, g.size()), ordering + " on " + g);
            }
        }
    }

    @Test
    void symbolicCholeskyMatchesTheEliminationGame() {
        for (AdjacencyGraph g : List.of(Graphs.random(60, 2, 5L), Graphs.grid(8, 7), Graphs.randomTree(40, 6L),
                Graphs.relabel(Graphs.grid(9, 9), Graphs.randomPermutation(81, 7L)))) {
            for (FillReducingOrdering ordering : FillReducingOrdering.values()) {
                int[] order = ordering.order(g);
                assertEquals(Graphs.bruteForceFill(g, order), SymbolicCholesky.factorNonZeros(g, order), ordering + " on " + g);
            }
            int[] random = Graphs.randomPermutation(g.size(), 8L);
            assertEquals(Graphs.bruteForceFill(g, random), SymbolicCholesky.factorNonZeros(g, random), "random order on " + g);
        }
    }

    // ------------------------------------------------------------------ RCM

    @Test
    void rcmRecoversTheBandwidthOfAShuffledBandGraph() {
        // A full band of half-bandwidth b on n > 2b nodes has minimum bandwidth exactly b;
        // Cuthill-McKee from an end node (which the pseudo-peripheral finder must locate) attains it.
        for (int b = 1; b <= 5; b++) {
            AdjacencyGraph shuffled = Graphs.relabel(Graphs.band(500, b), Graphs.randomPermutation(500, b));
            assertTrue(shuffled.bandwidth(Permutations.identity(500)) > 250, "shuffle should destroy the band");
            assertEquals(b, shuffled.bandwidth(ReverseCuthillMcKee.order(shuffled)), "half bandwidth " + b);
        }
    }

    @Test
    void rcmReducesTheBandwidthOfAShuffledGridToNearOptimal() {
        // The k x k grid graph has minimum bandwidth k (Chvatalova 1975); the natural order attains it.
        for (int k : new int[] {10, 31, 64}) {
            AdjacencyGraph shuffled = Graphs.relabel(Graphs.grid(k, k), Graphs.randomPermutation(k * k, k));
            int before = shuffled.bandwidth(Permutations.identity(k * k));
            int after = shuffled.bandwidth(ReverseCuthillMcKee.order(shuffled));
            assertTrue(before > 5 * k, "shuffled bandwidth " + before);
            assertTrue(after >= k && after <= k + 1, "RCM bandwidth " + after + " for the " + k + " x " + k + " grid (optimum " + k + ")");
        }
        // A non-square grid: RCM must find the short side (bandwidth 7 = the short side).
        AdjacencyGraph strip = Graphs.relabel(Graphs.grid(7, 200), Graphs.randomPermutation(1400, 9L));
        assertTrue(strip.bandwidth(ReverseCuthillMcKee.order(strip)) <= 8);
    }

    @Test
    void rcmHandlesDisconnectedComponents() {
        // Two shuffled paths and isolated nodes: each component is numbered contiguously.
        List<int[]> edges = new ArrayList<>();
        int[] perm = Graphs.randomPermutation(50, 10L);
        for (int i = 0; i < 20; i++) {
            edges.add(new int[] {perm[i], perm[i + 1]});
        }
        for (int i = 25; i < 45; i++) {
            edges.add(new int[] {perm[i], perm[i + 1]});
        }
        AdjacencyGraph g = Graphs.fromEdges(50, edges);
        assertEquals(1, g.bandwidth(ReverseCuthillMcKee.order(g)));
    }

    // ------------------------------------------------------------------ AMD

    @Test
    void amdCausesNoFillOnTreesAndStars() {
        // Minimum degree eliminates leaves first, and eliminating a leaf creates no fill.
        for (long seed = 1; seed <= 5; seed++) {
            AdjacencyGraph tree = Graphs.relabel(Graphs.randomTree(300, seed), Graphs.randomPermutation(300, seed));
            assertEquals(300 + 299, SymbolicCholesky.factorNonZeros(tree, ApproximateMinimumDegree.order(tree)), "tree " + seed);
        }
        AdjacencyGraph star = Graphs.star(12, 5);
        int[] order = ApproximateMinimumDegree.order(star);
        // The centre goes last or next to last (then tied at degree 1 with the final leaf).
        assertTrue(order[11] == 5 || order[10] == 5, "centre of the star eliminated early");
        assertEquals(12 + 11, SymbolicCholesky.factorNonZeros(star, order));
    }

    @Test
    void denseRowIsOrderedLastWithoutDisturbingTheRest() {
        int k = 30;
        AdjacencyGraph grid = Graphs.grid(k, k);
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            for (int p = grid.start()[i]; p < grid.start()[i + 1]; p++) {
                if (i < grid.neighbours()[p]) {
                    edges.add(new int[] {i, grid.neighbours()[p]});
                }
            }
            edges.add(new int[] {i, k * k}); // node k*k couples to everything, like a global constraint
        }
        AdjacencyGraph withDense = Graphs.fromEdges(k * k + 1, edges);
        int[] order = ApproximateMinimumDegree.order(withDense);
        assertEquals(k * k, order[k * k], "dense node last");
        // The rest is the AMD order of the grid alone, and the dense node adds one full row to L.
        int[] gridOrder = ApproximateMinimumDegree.order(grid);
        assertEquals(SymbolicCholesky.factorNonZeros(grid, gridOrder) + k * k + 1,
                SymbolicCholesky.factorNonZeros(withDense, order));
    }

    @Test
    void amdFillOnTwoDimensionalLaplaciansIsFarBelowNaturalAndScalesLikeNestedDissection() {
        long[] fill = new long[3];
        int[] sizes = {32, 64, 128};
        for (int s = 0; s < sizes.length; s++) {
            int k = sizes[s];
            AdjacencyGraph g = Graphs.grid(k, k);
            long natural = SymbolicCholesky.factorNonZeros(g, Permutations.identity(k * k));
            fill[s] = SymbolicCholesky.factorNonZeros(g, ApproximateMinimumDegree.order(g));
            // Natural (band) order fills the whole band: about k^3 entries.
            assertTrue(natural > (long) k * k * k, "natural fill " + natural);
            // Nested dissection: |L| = (31/4) k^2 log2 k + O(k^2) (George 1973). AMD should be no worse
            // than that leading term.
            double nestedDissection = 31.0 / 4.0 * k * k * (Math.log(k) / Math.log(2));
            assertTrue(fill[s] < nestedDissection, "k=" + k + ": AMD fill " + fill[s] + " vs ND " + nestedDissection);
            if (k == 128) {
                assertTrue(fill[s] < 0.2 * natural, "AMD fill " + fill[s] + " vs natural " + natural);
            }
        }
        // Growth exponent in n = k^2: ~1.1 for n log n (nested dissection), 1.5 for the band.
        for (int s = 1; s < sizes.length; s++) {
            double exponent = Math.log((double) fill[s] / fill[s - 1]) / Math.log(4.0);
            assertTrue(exponent > 1.0 && exponent < 1.3, "fill growth exponent " + exponent + " between k=" + sizes[s - 1] + " and " + sizes[s]);
        }
    }

    @Test
    void amdIsInsensitiveToTheInputNumbering() {
        AdjacencyGraph grid = Graphs.grid(40, 40);
        long reference = SymbolicCholesky.factorNonZeros(grid, ApproximateMinimumDegree.order(grid));
        for (long seed = 1; seed <= 3; seed++) {
            AdjacencyGraph shuffled = Graphs.relabel(grid, Graphs.randomPermutation(1600, seed));
            long fill = SymbolicCholesky.factorNonZeros(shuffled, ApproximateMinimumDegree.order(shuffled));
            assertTrue(fill < 1.2 * reference, "shuffled fill " + fill + " vs " + reference);
        }
    }

    @Test
    void amdBeatsRcmOnRandomGraphs() {
        for (long seed = 1; seed <= 3; seed++) {
            AdjacencyGraph g = Graphs.random(400, 2, seed);
            long amd = SymbolicCholesky.factorNonZeros(g, ApproximateMinimumDegree.order(g));
            long rcm = SymbolicCholesky.factorNonZeros(g, ReverseCuthillMcKee.order(g));
            assertTrue(amd < 0.7 * rcm, "AMD " + amd + " vs RCM " + rcm);
        }
    }
}
