package io.nernst.solvers.ordering;

/** Small helpers for permutation vectors (new-to-old convention, see {@link AdjacencyGraph}). */
public final class Permutations {
    private Permutations() {
    }

    /** The identity permutation of length n. */
    public static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    /** The inverse: {@code inverse[order[k]] = k}. */
    public static int[] inverse(int[] order) {
        int[] inv = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            inv[order[k]] = k;
        }
        return inv;
    }

    /** True when {@code p} holds each of 0..n-1 exactly once. */
    public static boolean isPermutation(int[] p, int n) {
        if (p == null || p.length != n) {
            return false;
        }
        boolean[] seen = new boolean[n];
        for (int v : p) {
            if (v < 0 || v >= n || seen[v]) {
                return false;
            }
            seen[v] = true;
        }
        return true;
    }

    /**
     * @throws IllegalArgumentException naming the first bad entry when {@code p} is not a permutation of 0..n-1
     */
    public static void requirePermutation(int[] p, int n, String name) {
        if (p.length != n) {
            throw new IllegalArgumentException(name + " must have length " + n + ", got " + p.length);
        }
        boolean[] seen = new boolean[n];
        for (int k = 0; k < n; k++) {
            int v = p[k];
            if (v < 0 || v >= n || seen[v]) {
                throw new IllegalArgumentException(name + "[" + k + "] = " + v
                        + (v < 0 || v >= n ? " is outside 0.." + (n - 1) : " repeats an earlier entry"));
            }
            seen[v] = true;
        }
    }
}
