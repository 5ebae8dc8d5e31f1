package io.nernst.solvers.ordering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nernst.solvers.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

class AdjacencyGraphTest {
    @Test
    void symmetrisesANonsymmetricPatternAndDropsTheDiagonal() {
        // A = [x x . ; . x . ; x . x]: edges {0,1} and {0,2}.
        CsrMatrix a = CsrMatrix.fromTriplets(3, 3, new int[] {0, 0, 1, 2, 2}, new int[] {0, 1, 1, 0, 2}, null, 5);
        AdjacencyGraph g = AdjacencyGraph.of(a);
        assertArrayEquals(new int[] {0, 2, 3, 4}, g.start());
        assertArrayEquals(new int[] {1, 2, 0, 0}, g.neighbours());
        assertEquals(2, g.edges());
    }

    @Test
    void rowRenumberingMovesEntriesOntoTheDiagonal() {
        // A = [. x ; x .] with rows swapped is the identity: no edges.
        CsrMatrix a = CsrMatrix.fromTriplets(2, 2, new int[] {0, 1}, new int[] {1, 0}, null, 2);
        assertEquals(1, AdjacencyGraph.of(a).edges());
        assertEquals(0, AdjacencyGraph.symmetrized(a, new int[] {1, 0}).edges());
    }

    @Test
    void rejectsBadInput() {
        CsrMatrix rect = CsrMatrix.fromTriplets(2, 3, new int[] {0}, new int[] {2}, null, 1);
        assertThrows(IllegalArgumentException.class, () -> AdjacencyGraph.of(rect));
        assertThrows(IllegalArgumentException.class, () -> AdjacencyGraph.fromLists(2, new int[] {0, 1, 1}, new int[] {1}));
        CsrMatrix sq = CsrMatrix.fromTriplets(2, 2, new int[] {0}, new int[] {1}, null, 1);
        assertThrows(IllegalArgumentException.class, () -> AdjacencyGraph.symmetrized(sq, new int[] {0, 0}));
    }

    @Test
    void bandwidthAndProfileOfAPath() {
        AdjacencyGraph path = Graphs.path(5);
        assertEquals(1, path.bandwidth(Permutations.identity(5)));
        assertEquals(4, path.profile(Permutations.identity(5)));
        assertEquals(4, path.bandwidth(new int[] {0, 2, 3, 4, 1}));
    }
}
