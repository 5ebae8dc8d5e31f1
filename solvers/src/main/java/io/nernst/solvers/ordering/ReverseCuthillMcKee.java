package io.nernst.solvers.ordering;

/**
 * Reverse Cuthill-McKee ordering for small bandwidth and profile.
 *
 * <p>Each connected component is numbered breadth-first from a pseudo-peripheral node, taking
 * the unnumbered neighbours of every node in order of increasing degree (Cuthill &amp; McKee
 * 1969); the whole sequence is then reversed, which never increases the bandwidth and usually
 * shrinks the profile (George 1971). The start node is found with the George-Liu algorithm
 * (George &amp; Liu, "An implementation of a pseudoperipheral node finder", ACM TOMS 5, 1979;
 * also George &amp; Liu 1981, sec. 4.3.2): from a minimum-degree node r, build the rooted level
 * structure, move to a minimum-degree node of its last level while that increases the
 * eccentricity.
 */
public final class ReverseCuthillMcKee {
    private ReverseCuthillMcKee() {
    }

    /** The RCM ordering of {@code graph}, new-to-old. */
    public static int[] order(AdjacencyGraph graph) {
        int n = graph.size();
        int[] start = graph.start();
        int[] adj = graph.neighbours();
        int[] order = new int[n];
        boolean[] numbered = new boolean[n];
        // Scratch for level structures: level[i] = BFS depth stamp, queue for BFS.
        int[] levelOf = new int[n];
        int[] queue = new int[n];
        int[] stampOf = new int[n];
        int[] sortBuffer = new int[Math.max(1, maxDegree(graph))];
        int stamp = 0;
        int count = 0;
        // Visit components in order of their minimum-degree node, so the result is deterministic.
        int[] byDegree = nodesByDegree(graph);
        for (int seedIndex = 0; seedIndex < n; seedIndex++) {
            int seed = byDegree[seedIndex];
            if (numbered[seed]) {
                continue;
            }
            // --- George-Liu pseudo-peripheral node finder on seed's component.
            int root = seed;
            stamp++;
            int[] result = levelStructure(root, start, adj, numbered, levelOf, queue, stampOf, stamp);
            int depth = result[0];
            int size = result[1];
            while (true) {
                // Minimum-degree node in the last level.
                int best = -1;
                for (int q = size - 1; q >= 0 && levelOf[queue[q]] == depth; q--) {
                    int v = queue[q];
                    if (best < 0 || graph.degree(v) < graph.degree(best)) {
                        best = v;
                    }
                }
                stamp++;
                int[] trial = levelStructure(best, start, adj, numbered, levelOf, queue, stampOf, stamp);
                if (trial[0] > depth) {
                    root = best;
                    depth = trial[0];
                    size = trial[1];
                    continue;
                }
                break;
            }
            // --- Cuthill-McKee breadth-first numbering from root.
            int head = count;
            order[count++] = root;
            numbered[root] = true;
            while (head < count) {
                int v = order[head++];
                int m = 0;
                for (int p = start[v]; p < start[v + 1]; p++) {
                    int w = adj[p];
                    if (!numbered[w]) {
                        numbered[w] = true;
                        sortBuffer[m++] = w;
                    }
                }
                sortByDegree(sortBuffer, m, graph);
                System.arraycopy(sortBuffer, 0, order, count, m);
                count += m;
            }
        }
        // Reverse.
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * Breadth-first level structure of the (unnumbered part of the) component of root.
     * Fills queue[0..size) in BFS order and levelOf; returns {depth of last level, size}.
     */
    private static int[] levelStructure(int root, int[] start, int[] adj, boolean[] numbered, int[] levelOf,
            int[] queue, int[] stampOf, int stamp) {
        int head = 0;
        int tail = 0;
        queue[tail++] = root;
        stampOf[root] = stamp;
        levelOf[root] = 0;
        int depth = 0;
        while (head < tail) {
            int v = queue[head++];
            int next = levelOf[v] + 1;
            for (int p = start[v]; p < start[v + 1]; p++) {
                int w = adj[p];
                if (!numbered[w] && stampOf[w] != stamp) {
                    stampOf[w] = stamp;
                    levelOf[w] = next;
                    depth = Math.max(depth, next);
                    queue[tail++] = w;
                }
            }
        }
        return new int[] {depth, tail};
    }

    private static void sortByDegree(int[] nodes, int m, AdjacencyGraph graph) {
        // Insertion sort: neighbour lists are short; ties keep ascending node index.
        for (int i = 1; i < m; i++) {
            int v = nodes[i];
            int dv = graph.degree(v);
            int j = i - 1;
            while (j >= 0 && (graph.degree(nodes[j]) > dv || (graph.degree(nodes[j]) == dv && nodes[j] > v))) {
                nodes[j + 1] = nodes[j];
                j--;
            }
            nodes[j + 1] = v;
        }
    }

    private static int[] nodesByDegree(AdjacencyGraph graph) {
        int n = graph.size();
        int maxDegree = maxDegree(graph);
        int[] bucket = new int[maxDegree + 2];
        for (int i = 0; i < n; i++) {
            bucket[graph.degree(i) + 1]++;
        }
        for (int d = 0; d <= maxDegree; d++) {
            bucket[d + 1] += bucket[d];
        }
        int[] sorted = new int[n];
        for (int i = 0; i < n; i++) {
            sorted[bucket[graph.degree(i)]++] = i;
        }
        return sorted;
    }

    private static int maxDegree(AdjacencyGraph graph) {
        int m = 0;
        for (int i = 0; i < graph.size(); i++) {
            m = Math.max(m, graph.degree(i));
        }
        return m;
    }
}
