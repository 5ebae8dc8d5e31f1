package io.nernst.solvers.ordering;

import io.nernst.solvers.sparse.CsrMatrix;

/**
 * Undirected graph of a symmetric sparsity pattern in compressed adjacency form: the
 * neighbours of node i are {@code neighbours()[start()[i] .. start()[i+1])}, sorted ascending,
 * without duplicates and without self loops. Built from a square matrix as the pattern of
 * A + A^T with the diagonal removed, which is the graph all symmetric orderings work on
 * (George &amp; Liu 1981, ch. 3).
 *
 * <p>Permutations in this package use the "new-to-old" convention: {@code order[k]} is the
 * original index of the node placed k-th, as in MATLAB's {@code A(p,p)}.
 */
public final class AdjacencyGraph {
    private final int size;
    private final int[] start;
    private final int[] neighbours;

    private AdjacencyGraph(int size, int[] start, int[] neighbours) {
        this.size = size;
        this.start = start;
        this.neighbours = neighbours;
    }

    /**
     * The graph of A + A^T (diagonal dropped) for a square pattern; values are ignored.
     *
     * @throws IllegalArgumentException if the matrix is not square
     */
    public static AdjacencyGraph of(CsrMatrix pattern) {
        return symmetrized(pattern, null);
    }

    /**
     * The graph of B + B^T where B is {@code pattern} with row r renumbered to
     * {@code rowToNode[r]} and columns kept, i.e. B = P A with a row permutation P. Used to
     * order a matrix whose preferred pivots (a maximum transversal) are not on the diagonal.
     *
     * @param rowToNode row renumbering (a permutation), or {@code null} for the identity
     * @throws IllegalArgumentException if the matrix is not square or rowToNode is not a permutation
     */
    public static AdjacencyGraph symmetrized(CsrMatrix pattern, int[] rowToNode) {
        int n = pattern.rows();
        if (pattern.columns() != n) {
            throw new IllegalArgumentException("orderings need a square matrix, got " + n + " x " + pattern.columns());
        }
        if (rowToNode != null) {
            Permutations.requirePermutation(rowToNode, n, "rowToNode");
        }
        int[] rs = pattern.rowStart();
        int[] ci = pattern.columnIndex();
        // Count both (node(r), c) and (c, node(r)) for every off-diagonal entry, then
        // deduplicate per node with a marker array.
        int[] count = new int[n + 1];
        for (int r = 0; r < n; r++) {
            int u = rowToNode == null ? r : rowToNode[r];
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                int v = ci[p];
                if (u != v) {
                    count[u + 1]++;
                    count[v + 1]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] raw = new int[count[n]];
        int[] fill = java.util.Arrays.copyOf(count, n);
        for (int r = 0; r < n; r++) {
            int u = rowToNode == null ? r : rowToNode[r];
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                int v = ci[p];
                if (u != v) {
                    raw[fill[u]++] = v;
                    raw[fill[v]++] = u;
                }
            }
        }
        return fromUnsortedLists(n, count, raw);
    }

    /**
     * A graph from explicit adjacency lists (copied). Lists may be unsorted and contain
     * duplicates; self loops are dropped. The lists must be symmetric (j in adj(i) iff i in adj(j)).
     *
     * @throws IllegalArgumentException on an index out of range or an asymmetric list
     */
    public static AdjacencyGraph fromLists(int n, int[] start, int[] neighbours) {
        if (start.length != n + 1 || start[0] != 0) {
            throw new IllegalArgumentException("start must have length n + 1 = " + (n + 1) + " and start[0] = 0");
        }
        for (int i = 0; i < n; i++) {
            if (start[i + 1] < start[i]) {
                throw new IllegalArgumentException("start decreases at node " + i);
            }
            for (int p = start[i]; p < start[i + 1]; p++) {
                if (neighbours[p] < 0 || neighbours[p] >= n) {
                    throw new IllegalArgumentException("node " + i + " has neighbour " + neighbours[p] + " outside 0.." + (n - 1));
                }
            }
        }
        AdjacencyGraph g = fromUnsortedLists(n, start.clone(), java.util.Arrays.copyOf(neighbours, start[n]));
        for (int i = 0; i < n; i++) {
            for (int p = g.start[i]; p < g.start[i + 1]; p++) {
                int j = g.neighbours[p];
                if (java.util.Arrays.binarySearch(g.neighbours, g.start[j], g.start[j + 1], i) < 0) {
                    throw new IllegalArgumentException("adjacency is not symmetric: " + j + " is a neighbour of " + i + " but not vice versa");
                }
            }
        }
        return g;
    }

    private static AdjacencyGraph fromUnsortedLists(int n, int[] start, int[] raw) {
        int[] mark = new int[n];
        java.util.Arrays.fill(mark, -1);
        int[] newStart = new int[n + 1];
        int out = 0;
        for (int i = 0; i < n; i++) {
            int from = start[i];
            int to = start[i + 1];
            newStart[i] = out;
            for (int p = from; p < to; p++) {
                int j = raw[p];
                if (j != i && mark[j] != i) {
                    mark[j] = i;
                    raw[out++] = j;
                }
            }
            java.util.Arrays.sort(raw, newStart[i], out);
        }
        newStart[n] = out;
        return new AdjacencyGraph(n, newStart, java.util.Arrays.copyOf(raw, out));
    }

    /** Number of nodes. */
    public int size() {
        return size;
    }

    /** Offsets into {@link #neighbours()}, length size + 1. Shared; do not modify. */
    public int[] start() {
        return start;
    }

    /** Concatenated sorted neighbour lists. Shared; do not modify. */
    public int[] neighbours() {
        return neighbours;
    }

    /** Number of neighbours of node i. */
    public int degree(int i) {
        return start[i + 1] - start[i];
    }

    /** Number of undirected edges. */
    public int edges() {
        return start[size] / 2;
    }

    /**
     * Bandwidth max |pos(i) - pos(j)| over edges after reordering with {@code order}
     * (new-to-old); 0 for a graph without edges.
     */
    public int bandwidth(int[] order) {
        int[] position = Permutations.inverse(order);
        int band = 0;
        for (int i = 0; i < size; i++) {
            for (int p = start[i]; p < start[i + 1]; p++) {
                band = Math.max(band, Math.abs(position[i] - position[neighbours[p]]));
            }
        }
        return band;
    }

    /**
     * Profile (envelope size) after reordering: sum over rows of the distance from the first
     * neighbour at or left of the diagonal to the diagonal.
     */
    public long profile(int[] order) {
        int[] position = Permutations.inverse(order);
        long total = 0;
        for (int i = 0; i < size; i++) {
            int first = position[i];
            for (int p = start[i]; p < start[i + 1]; p++) {
                first = Math.min(first, position[neighbours[p]]);
            }
            total += position[i] - first;
        }
        return total;
    }

    @Override
    public String toString() {
        return "AdjacencyGraph[" + size + " nodes, " + edges() + " edges]";
    }
}
