package io.nernst.solvers.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test graphs: grids, bands, paths, trees, stars, shuffles. */
final class Graphs {
    private Graphs() {
    }

    static AdjacencyGraph fromEdges(int n, List<int[]> edges) {
        int[] count = new int[n + 1];
        for (int[] e : edges) {
            count[e[0] + 1]++;
            count[e[1] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] fill = java.util.Arrays.copyOf(count, n);
        int[] adj = new int[count[n]];
        for (int[] e : edges) {
            adj[fill[e[0]]++] = e[1];
            adj[fill[e[1]]++] = e[0];
        }
        return AdjacencyGraph.fromLists(n, count, adj);
    }

    /** 5-point Laplacian graph of a k x k grid, node i + k j. */
    static AdjacencyGraph grid(int kx, int ky) {
        List<int[]> edges = new ArrayList<>();
        for (int j = 0; j < ky; j++) {
            for (int i = 0; i < kx; i++) {
                int v = i + kx * j;
                if (i + 1 < kx) {
                    edges.add(new int[] {v, v + 1});
                }
                if (j + 1 < ky) {
                    edges.add(new int[] {v, v + kx});
                }
            }
        }
        return fromEdges(kx * ky, edges);
    }

    /** All edges with |i - j| &lt;= halfBandwidth. */
    static AdjacencyGraph band(int n, int halfBandwidth) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j <= Math.min(n - 1, i + halfBandwidth); j++) {
                edges.add(new int[] {i, j});
            }
        }
        return fromEdges(n, edges);
    }

    static AdjacencyGraph path(int n) {
        return band(n, 1);
    }

    /** Random tree: node i &gt; 0 hangs off a random earlier node. */
    static AdjacencyGraph randomTree(int n, long seed) {
        Random random = new Random(seed);
        List<int[]> edges = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            edges.add(new int[] {random.nextInt(i), i});
        }
        return fromEdges(n, edges);
    }

    static AdjacencyGraph star(int n, int center) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i != center) {
                edges.add(new int[] {center, i});
            }
        }
        return fromEdges(n, edges);
    }

    static AdjacencyGraph random(int n, int edgesPerNode, long seed) {
        Random random = new Random(seed);
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < edgesPerNode; k++) {
                int j = random.nextInt(n);
                if (j != i) {
                    edges.add(new int[] {i, j});
                }
            }
        }
        return fromEdges(n, edges);
    }

    /** The same graph with node v renamed to perm[v]. */
    static AdjacencyGraph relabel(AdjacencyGraph g, int[] perm) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            for (int p = g.start()[i]; p < g.start()[i + 1]; p++) {
                int j = g.neighbours()[p];
                if (i < j) {
                    edges.add(new int[] {perm[i], perm[j]});
                }
            }
        }
        return fromEdges(g.size(), edges);
    }

    static int[] randomPermutation(int n, long seed) {
        Random random = new Random(seed);
        int[] p = Permutations.identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * nnz(L) incl. diagonal by playing the elimination game on a dense boolean matrix:
     * eliminating a node joins all its remaining neighbours into a clique. Reference for small n.
     */
    static long bruteForceFill(AdjacencyGraph g, int[] order) {
        int n = g.size();
        int[] pos = Permutations.inverse(order);
        boolean[][] a = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int p = g.start()[i]; p < g.start()[i + 1]; p++) {
                a[pos[i]][pos[g.neighbours()[p]]] = true;
            }
        }
        long nnz = 0;
        for (int k = 0; k < n; k++) {
            nnz++;
            for (int i = k + 1; i < n; i++) {
                if (a[i][k]) {
                    nnz++;
                    for (int j = k + 1; j < n; j++) {
                        if (a[j][k]) {
                            a[i][j] = true;
                        }
                    }
                }
            }
        }
        return nnz;
    }
}
