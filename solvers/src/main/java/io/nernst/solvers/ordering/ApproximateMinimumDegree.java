package io.nernst.solvers.ordering;

import java.util.Arrays;

/**
 * Approximate minimum degree (AMD) fill-reducing ordering of a symmetric pattern, after
 * P. R. Amestoy, T. A. Davis and I. S. Duff, "An approximate minimum degree ordering
 * algorithm", SIAM J. Matrix Anal. Appl. 17(4):886-905, 1996 (written from the paper; the
 * data layout here is simpler than the in-place workspace of the reference implementation).
 *
 * <p>Elimination is simulated on the quotient graph: a node is either a <em>variable</em>
 * (not yet eliminated) or an <em>element</em> (an eliminated pivot standing for the clique its
 * elimination created). Every variable i keeps A_i, the variables it is still adjacent to
 * through original edges, and E_i, the elements it belongs to; every element e keeps L_e, its
 * variables. Eliminating the variable p of least approximate degree
 * <ol>
 *   <li>forms the new element L_p = (A_p ∪ ⋃_{e ∈ E_p} L_e) \ {p} and absorbs every e ∈ E_p
 *       into p (element absorption);</li>
 *   <li>computes |L_e \ L_p| for every element adjacent to L_p by one sweep over L_p (the
 *       paper's Algorithm 2), absorbing elements with L_e ⊆ L_p (aggressive absorption);</li>
 *   <li>for each i ∈ L_p prunes A_i of variables in L_p (the edge is now implied by p),
 *       replaces E_i by (E_i \ absorbed) ∪ {p} and sets the approximate external degree
 *       (paper eq. 4)
 *       d_i = min(n - k - |i|, d_i^old + |L_p \ i|, |A_i| + |L_p \ i| + Σ_{e ∈ E_i \ p} |L_e \ L_p|);</li>
 *   <li>eliminates at once every i ∈ L_p adjacent to nothing but p (mass elimination), and
 *       merges indistinguishable variables (equal A and E lists, found by hashing) into
 *       supervariables, so all quantities above are weighted by supervariable size |i|.</li>
 * </ol>
 * Rows denser than {@code max(16, denseFactor * sqrt(n))} are removed before ordering and
 * placed last, as the paper recommends, since they would dominate the cost while barely
 * influencing fill.
 */
public final class ApproximateMinimumDegree {
    /** Default factor of the dense-row threshold max(16, factor * sqrt(n)). */
    public static final double DEFAULT_DENSE_FACTOR = 10.0;

    private static final byte VARIABLE = 0;
    private static final byte ELEMENT = 1;
    private static final byte ABSORBED = 2;
    private static final byte MERGED = 3;
    private static final byte MASS_ELIMINATED = 4;
    private static final byte DENSE = 5;
    private static final int NONE = -1;

    private final int n;
    private final byte[] status;
    /** Supervariable weight |i| of a principal variable; 0 once merged or eliminated. */
    private final int[] weight;
    /** Approximate external degree of a variable; weighted |L_e| of an element. */
    private final int[] degree;
    private final int[][] variableNeighbours;
    private final int[] variableNeighbourCount;
    private final int[][] adjacentElements;
    private final int[] adjacentElementCount;
    private final int[][] elementVariables;
    private final int[] elementVariableCount;
    // Degree buckets: doubly linked lists of principal variables by approximate degree.
    private final int[] bucketHead;
    private final int[] bucketNext;
    private final int[] bucketPrevious;
    private int minimumDegree;
    // Members represented by a principal variable or pivot, in a singly linked chain.
    private final int[] chainNext;
    private final int[] chainTail;
    // Scratch, stamped so that nothing is cleared between pivots.
    private final int[] newElement;
    private final int[] inNewElement;
    private final int[] externalSizeStamp;
    private final int[] externalSize;
    private final int[] visitedElements;
    private final int[] setStamp;
    private final int[] partialDegree;
    private final int[] hashHead;
    private final int[] hashNext;
    private final int[] hashKey;
    private int stamp;
    private final int[] pivots;
    private int pivotCount;
    private int eliminatedWeight;
    private int liveVariables;

    private ApproximateMinimumDegree(AdjacencyGraph graph, double denseFactor) {
        n = graph.size();
        status = new byte[n];
        weight = new int[n];
        degree = new int[n];
        variableNeighbours = new int[n][];
        variableNeighbourCount = new int[n];
        adjacentElements = new int[n][];
        adjacentElementCount = new int[n];
        elementVariables = new int[n][];
        elementVariableCount = new int[n];
        bucketHead = new int[n + 1];
        bucketNext = new int[n];
        bucketPrevious = new int[n];
        chainNext = new int[n];
        chainTail = new int[n];
        newElement = new int[n];
        inNewElement = new int[n];
        externalSizeStamp = new int[n];
        externalSize = new int[n];
        visitedElements = new int[n];
        setStamp = new int[n];
        partialDegree = new int[n];
        hashHead = new int[n];
        hashNext = new int[n];
        hashKey = new int[n];
        pivots = new int[n];
        Arrays.fill(bucketHead, NONE);
        Arrays.fill(hashHead, NONE);
        Arrays.fill(chainNext, NONE);

        int denseThreshold = (int) Math.max(16, denseFactor * Math.sqrt(n));
        int[] start = graph.start();
        int[] adj = graph.neighbours();
        for (int i = 0; i < n; i++) {
            chainTail[i] = i;
            if (graph.degree(i) > denseThreshold) {
                status[i] = DENSE;
            }
        }
        minimumDegree = n;
        for (int i = 0; i < n; i++) {
            if (status[i] == DENSE) {
                continue;
            }
            int[] list = new int[graph.degree(i)];
            int count = 0;
            for (int p = start[i]; p < start[i + 1]; p++) {
                if (status[adj[p]] != DENSE) {
                    list[count++] = adj[p];
                }
            }
            variableNeighbours[i] = list;
            variableNeighbourCount[i] = count;
            weight[i] = 1;
            degree[i] = count;
            liveVariables++;
            insertInBucket(i, count);
        }
    }

    /** AMD ordering (new-to-old) with the default dense-row threshold. */
    public static int[] order(AdjacencyGraph graph) {
        return order(graph, DEFAULT_DENSE_FACTOR);
    }

    /**
     * AMD ordering (new-to-old).
     *
     * @param denseFactor rows with more than max(16, denseFactor * sqrt(n)) neighbours are
     *                    ordered last; use {@code Double.POSITIVE_INFINITY} to disable
     */
    public static int[] order(AdjacencyGraph graph, double denseFactor) {
        if (!(denseFactor > 0)) {
            throw new IllegalArgumentException("denseFactor must be positive, got " + denseFactor);
        }
        return new ApproximateMinimumDegree(graph, denseFactor).run();
    }

    private int[] run() {
        while (eliminatedWeight < liveVariables) {
            while (bucketHead[minimumDegree] == NONE) {
                minimumDegree++;
            }
            int pivot = bucketHead[minimumDegree];
            removeFromBucket(pivot);
            eliminate(pivot);
        }
        int[] order = new int[n];
        int k = 0;
        for (int q = 0; q < pivotCount; q++) {
            for (int v = pivots[q]; v != NONE; v = chainNext[v]) {
                order[k++] = v;
            }
        }
        for (int i = 0; i < n; i++) {
            if (status[i] == DENSE) {
                order[k++] = i;
            }
        }
        if (k != n) {
            throw new IllegalStateException("AMD produced " + k + " of " + n + " nodes (internal error)");
        }
        return order;
    }

    private void eliminate(int p) {
        status[p] = ELEMENT;
        pivots[pivotCount++] = p;
        eliminatedWeight += weight[p];

        // 1. New element L_p; absorb the elements p belonged to.
        int lpStamp = ++stamp;
        inNewElement[p] = lpStamp;
        int size = 0;
        int sizeWeighted = 0;
        for (int k = 0; k < adjacentElementCount[p]; k++) {
            int e = adjacentElements[p][k];
            if (status[e] != ELEMENT) {
                continue;
            }
            int[] le = elementVariables[e];
            for (int t = 0, m = elementVariableCount[e]; t < m; t++) {
                int i = le[t];
                if (status[i] == VARIABLE && inNewElement[i] != lpStamp) {
                    inNewElement[i] = lpStamp;
                    newElement[size++] = i;
                    sizeWeighted += weight[i];
                }
            }
            absorb(e);
        }
        for (int k = 0; k < variableNeighbourCount[p]; k++) {
            int i = variableNeighbours[p][k];
            if (status[i] == VARIABLE && inNewElement[i] != lpStamp) {
                inNewElement[i] = lpStamp;
                newElement[size++] = i;
                sizeWeighted += weight[i];
            }
        }
        variableNeighbours[p] = null;
        variableNeighbourCount[p] = 0;
        adjacentElements[p] = null;
        adjacentElementCount[p] = 0;
        for (int t = 0; t < size; t++) {
            removeFromBucket(newElement[t]);
        }

        // 2. |L_e \ L_p| for every element e adjacent to L_p (Algorithm 2 of the paper).
        int wStamp = ++stamp;
        int visited = 0;
        for (int t = 0; t < size; t++) {
            int i = newElement[t];
            int wi = weight[i];
            int[] ei = adjacentElements[i];
            for (int k = 0, m = adjacentElementCount[i]; k < m; k++) {
                int e = ei[k];
                if (status[e] != ELEMENT) {
                    continue;
                }
                if (externalSizeStamp[e] != wStamp) {
                    externalSizeStamp[e] = wStamp;
                    externalSize[e] = degree[e];
                    visitedElements[visited++] = e;
                }
                externalSize[e] -= wi;
            }
        }
        // Aggressive absorption: an element whose variables all lie in L_p adds nothing.
        for (int k = 0; k < visited; k++) {
            int e = visitedElements[k];
            if (externalSize[e] <= 0) {
                absorb(e);
            }
        }

        // 3. Prune lists, bound degrees, detect mass elimination, hash for supervariables.
        for (int t = 0; t < size; t++) {
            int i = newElement[t];
            long hash = p;
            int partial = 0;
            int[] ei = adjacentElements[i];
            int kept = 0;
            for (int k = 0, m = adjacentElementCount[i]; k < m; k++) {
                int e = ei[k];
                if (status[e] == ELEMENT) {
                    ei[kept++] = e;
                    partial += externalSize[e];
                    hash += e;
                }
            }
            if (ei == null || kept == ei.length) {
                ei = ei == null ? new int[4] : Arrays.copyOf(ei, 2 * ei.length);
                adjacentElements[i] = ei;
            }
            ei[kept++] = p;
            adjacentElementCount[i] = kept;
            int[] ai = variableNeighbours[i];
            int keptVariables = 0;
            for (int k = 0, m = variableNeighbourCount[i]; k < m; k++) {
                int j = ai[k];
                if (status[j] == VARIABLE && inNewElement[j] != lpStamp) {
                    ai[keptVariables++] = j;
                    partial += weight[j];
                    hash += j;
                }
            }
            variableNeighbourCount[i] = keptVariables;
            if (kept == 1 && keptVariables == 0) {
                // Mass elimination: i is adjacent to p only, so it is eliminated with p at no extra fill.
                status[i] = MASS_ELIMINATED;
                eliminatedWeight += weight[i];
                sizeWeighted -= weight[i];
                weight[i] = 0;
                appendChain(p, i);
                adjacentElements[i] = null;
                variableNeighbours[i] = null;
                continue;
            }
            partialDegree[i] = partial;
            int key = (int) Math.floorMod(hash, (long) n);
            hashKey[i] = key;
            hashNext[i] = hashHead[key];
            hashHead[key] = i;
        }
        degree[p] = sizeWeighted;

        // 4. Supervariables: variables of L_p with identical E and A lists are indistinguishable.
        for (int t = 0; t < size; t++) {
            int i = newElement[t];
            if (status[i] != VARIABLE) {
                continue;
            }
            int key = hashKey[i];
            if (hashHead[key] == NONE) {
                continue;
            }
            for (int a = hashHead[key]; a != NONE; a = hashNext[a]) {
                if (status[a] != VARIABLE) {
                    continue;
                }
                int setMark = ++stamp;
                for (int k = 0; k < adjacentElementCount[a]; k++) {
                    setStamp[adjacentElements[a][k]] = setMark;
                }
                for (int k = 0; k < variableNeighbourCount[a]; k++) {
                    setStamp[variableNeighbours[a][k]] = setMark;
                }
                for (int b = hashNext[a]; b != NONE; b = hashNext[b]) {
                    if (status[b] == VARIABLE && hashKey[b] == key
                            && adjacentElementCount[b] == adjacentElementCount[a]
                            && variableNeighbourCount[b] == variableNeighbourCount[a]
                            && allMarked(b, setMark)) {
                        weight[a] += weight[b];
                        weight[b] = 0;
                        status[b] = MERGED;
                        appendChain(a, b);
                        adjacentElements[b] = null;
                        variableNeighbours[b] = null;
                    }
                }
            }
            hashHead[key] = NONE;
        }

        // 5. Final approximate degrees (eq. 4), back into the buckets; compact L_p.
        int remaining = liveVariables - eliminatedWeight;
        int kept = 0;
        for (int t = 0; t < size; t++) {
            int i = newElement[t];
            if (status[i] != VARIABLE) {
                continue;
            }
            newElement[kept++] = i;
            int wi = weight[i];
            int others = sizeWeighted - wi;
            int d = partialDegree[i] + others;
            d = Math.min(d, degree[i] + others);
            d = Math.min(d, remaining - wi);
            d = Math.max(d, 0);
            degree[i] = d;
            insertInBucket(i, d);
        }
        elementVariables[p] = Arrays.copyOf(newElement, kept);
        elementVariableCount[p] = kept;
    }

    private boolean allMarked(int b, int setMark) {
        for (int k = 0; k < adjacentElementCount[b]; k++) {
            if (setStamp[adjacentElements[b][k]] != setMark) {
                return false;
            }
        }
        for (int k = 0; k < variableNeighbourCount[b]; k++) {
            if (setStamp[variableNeighbours[b][k]] != setMark) {
                return false;
            }
        }
        return true;
    }

    private void absorb(int e) {
        status[e] = ABSORBED;
        elementVariables[e] = null;
        elementVariableCount[e] = 0;
    }

    private void appendChain(int representative, int member) {
        chainNext[chainTail[representative]] = member;
        chainTail[representative] = chainTail[member];
    }

    private void insertInBucket(int i, int d) {
        int h = bucketHead[d];
        bucketNext[i] = h;
        bucketPrevious[i] = NONE;
        if (h != NONE) {
            bucketPrevious[h] = i;
        }
        bucketHead[d] = i;
        if (d < minimumDegree) {
            minimumDegree = d;
        }
    }

    private void removeFromBucket(int i) {
        int prev = bucketPrevious[i];
        int next = bucketNext[i];
        if (prev != NONE) {
            bucketNext[prev] = next;
        } else {
            bucketHead[degree[i]] = next;
        }
        if (next != NONE) {
            bucketPrevious[next] = prev;
        }
    }
}
