package io.nernst.solvers.ordering;

/**
 * Symbolic Cholesky factorisation of a symmetric pattern under a given ordering: the
 * elimination tree and the exact number of nonzeros of the factor L, without forming L.
 * Used to measure orderings (fill) and to size factor storage.
 *
 * <p>Algorithms: elimination tree by Liu's method with path compression, row counts by
 * traversing each row subtree of the elimination tree (Liu, "The role of elimination trees in
 * sparse factorization", SIAM J. Matrix Anal. Appl. 11, 1990; Davis 2006, sec. 4.1-4.2).
 * Cost O(|L|) for the counts, nearly O(|A|) for the tree.
 */
public final class SymbolicCholesky {
    private SymbolicCholesky() {
    }

    /**
     * Elimination tree of the reordered pattern: {@code parent[k]} is the parent of column k
     * (new numbering), -1 for a root.
     */
    public static int[] eliminationTree(AdjacencyGraph graph, int[] order) {
        int n = graph.size();
        Permutations.requirePermutation(order, n, "order");
        int[] position = Permutations.inverse(order);
        int[] start = graph.start();
        int[] adj = graph.neighbours();
        int[] parent = new int[n];
        int[] ancestor = new int[n];
        for (int k = 0; k < n; k++) {
            parent[k] = -1;
            ancestor[k] = -1;
            int node = order[k];
            for (int p = start[node]; p < start[node + 1]; p++) {
                int i = position[adj[p]];
                // Climb from i to the root of its current subtree, compressing the path to k.
                while (i != -1 && i < k) {
                    int next = ancestor[i];
                    ancestor[i] = k;
                    if (next == -1) {
                        parent[i] = k;
                    }
                    i = next;
                }
            }
        }
        return parent;
    }

    /**
     * Number of strictly-lower nonzeros in each row of L (new numbering): the size of the
     * row subtree of row k in the elimination tree.
     */
    public static int[] rowCounts(AdjacencyGraph graph, int[] order) {
        int[] rows = new int[graph.size()];
        traverseRowSubtrees(graph, order, rows, null);
        return rows;
    }

    /** Nonzeros in each column of L including the diagonal (new numbering). */
    public static int[] columnCounts(AdjacencyGraph graph, int[] order) {
        int[] columns = new int[graph.size()];
        traverseRowSubtrees(graph, order, null, columns);
        return columns;
    }

    /** Nonzeros of the Cholesky factor L including its diagonal, for the reordered pattern. */
    public static long factorNonZeros(AdjacencyGraph graph, int[] order) {
        long total = graph.size();
        for (int c : rowCounts(graph, order)) {
            total += c;
        }
        return total;
    }

    /** Multiply-add count of the Cholesky factorisation, sum over columns of c_j^2 (c_j = column count incl. diagonal). */
    public static double factorFlops(AdjacencyGraph graph, int[] order) {
        double flops = 0.0;
        for (int c : columnCounts(graph, order)) {
            flops += (double) c * c;
        }
        return flops;
    }

    /**
     * Walks the row subtree of every row k: every node on the tree path from a nonzero A(k, i),
     * i &lt; k, up to k is a nonzero L(k, .). Fills row counts (off-diagonal) and/or column
     * counts (with diagonal).
     */
    private static void traverseRowSubtrees(AdjacencyGraph graph, int[] order, int[] rows, int[] columns) {
        int n = graph.size();
        int[] parent = eliminationTree(graph, order);
        int[] position = Permutations.inverse(order);
        int[] start = graph.start();
        int[] adj = graph.neighbours();
        int[] mark = new int[n];
        java.util.Arrays.fill(mark, -1);
        for (int k = 0; k < n; k++) {
            mark[k] = k;
            if (columns != null) {
                columns[k]++;
            }
            int node = order[k];
            int count = 0;
            for (int p = start[node]; p < start[node + 1]; p++) {
                int i = position[adj[p]];
                if (i > k) {
                    continue;
                }
                while (mark[i] != k) {
                    mark[i] = k;
                    count++;
                    if (columns != null) {
                        columns[i]++;
                    }
                    i = parent[i];
                }
            }
            if (rows != null) {
                rows[k] = count;
            }
        }
    }
}
