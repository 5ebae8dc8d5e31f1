package io.nernst.solvers.ordering;

/** Choice of symmetric ordering applied to the graph of A + A^T before a factorisation. */
public enum FillReducingOrdering {
    /** Keep the given order. */
    NATURAL {
        @Override
        public int[] order(AdjacencyGraph graph) {
            return Permutations.identity(graph.size());
        }
    },
    /** Reverse Cuthill-McKee: small bandwidth/profile, for banded and skyline solvers. */
    REVERSE_CUTHILL_MCKEE {
        @Override
        public int[] order(AdjacencyGraph graph) {
            return ReverseCuthillMcKee.order(graph);
        }
    },
    /** Approximate minimum degree: small fill, for general sparse LU/Cholesky. */
    APPROXIMATE_MINIMUM_DEGREE {
        @Override
        public int[] order(AdjacencyGraph graph) {
            return ApproximateMinimumDegree.order(graph);
        }
    };

    /** The ordering of {@code graph}, new-to-old. */
    public abstract int[] order(AdjacencyGraph graph);
}
