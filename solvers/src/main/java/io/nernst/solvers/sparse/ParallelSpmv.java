package io.nernst.solvers.sparse;

/**
 * Multithreaded sparse matrix-vector product y = A x for one fixed CSR pattern.
 *
 * <p>Rows are split once, at construction, into contiguous chunks of about equal work, measured
 * as nonzeros plus {@value #ROW_WEIGHT} per row (the y store and row pointer load); the split
 * points come from a binary search in the prefix sums {@code rowStart[r] + ROW_WEIGHT * r},
 * so a few dense rows do not unbalance the threads. There are a few chunks per thread (at
 * least {@value #MIN_CHUNK_WEIGHT} units each), claimed dynamically on a {@link WorkerTeam},
 * so a thread the operating system runs late does not stall the product. A call allocates
 * nothing. Every row is summed in the same order as {@link CsrMatrix#multiply}, so the result
 * is bit-for-bit the serial one.
 *
 * <p>One product at a time: concurrent calls on one instance are serialised. Call
 * {@link #close()} to stop the workers (they are daemons, so a forgotten close does not keep
 * the JVM alive).
 */
public final class ParallelSpmv implements AutoCloseable {
    /** Work of a row beyond its nonzeros, in units of one multiply-add. */
    static final int ROW_WEIGHT = 2;
    /** Chunks per thread: enough slack for dynamic balancing, few enough to keep claims cheap. */
    static final int CHUNKS_PER_THREAD = 8;
    /**
     * Smallest chunk, in work units (about one multiply-add each): waking a parked thread and
     * the atomic claims cost microseconds, so a product with less than this much work runs on
     * the calling thread alone, and larger ones get chunks of at least this size.
     */
    static final int MIN_CHUNK_WEIGHT = 65536;

    private final CsrMatrix pattern;
    private final int[] chunkStart;
    private final WorkerTeam team;
    /** Created once so that multiply allocates nothing. */
    private final WorkerTeam.Task chunkTask = this::multiplyChunk;
    private boolean closed;
    // Job fields, published to the workers by the team's hand-over.
    private double[] jobValues;
    private double[] jobX;
    private double[] jobY;

    /**
     * @param pattern the pattern every multiplied matrix must share
     * @param threads number of threads including the caller, at least 1
     */
    public ParallelSpmv(CsrMatrix pattern, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.pattern = pattern;
        long weight = pattern.nonZeros() + (long) ROW_WEIGHT * pattern.rows();
        long chunks = threads == 1 ? 1 : Math.min((long) CHUNKS_PER_THREAD * threads, Math.max(1, weight / MIN_CHUNK_WEIGHT));
        chunks = Math.min(chunks, pattern.rows());
        chunkStart = split(pattern.rowStart(), pattern.rows(), (int) chunks);
        team = new WorkerTeam(chunks > 1 ? threads : 1);
    }

    /** A product using all available processors. */
    public ParallelSpmv(CsrMatrix pattern) {
        this(pattern, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Row boundaries of {@code chunks} chunks of about equal weight nnz + ROW_WEIGHT * rows:
     * chunk c holds rows [result[c], result[c+1]).
     */
    static int[] split(int[] rowStart, int rows, int chunks) {
        int[] start = new int[chunks + 1];
        long total = rowStart[rows] + (long) ROW_WEIGHT * rows;
        for (int c = 1; c < chunks; c++) {
            long target = total * c / chunks;
            // First row r with weight(r) = rowStart[r] + ROW_WEIGHT r >= target (monotone in r).
            int lo = start[c - 1];
            int hi = rows;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (rowStart[mid] + (long) ROW_WEIGHT * mid < target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            start[c] = lo;
        }
        start[chunks] = rows;
        return start;
    }

    /** Number of row chunks. */
    public int chunks() {
        return chunkStart.length - 1;
    }

    /** First row of chunk c; {@code chunkStart(chunks())} is the row count. */
    public int chunkStart(int c) {
        return chunkStart[c];
    }

    /**
     * y = A x.
     *
     * @throws IllegalArgumentException if A does not have the construction pattern, a vector is
     *                                  too short, or x and y are the same array
     * @throws IllegalStateException    after {@link #close()}
     */
    public synchronized void multiply(CsrMatrix a, double[] x, double[] y) {
        if (closed) {
            throw new IllegalStateException("ParallelSpmv is closed");
        }
        if (!a.samePattern(pattern)) {
            throw new IllegalArgumentException("matrix pattern differs from the pattern this product was built for");
        }
        if (x.length < a.columns() || y.length < a.rows()) {
            throw new IllegalArgumentException("product of a " + a.rows() + " x " + a.columns() + " matrix needs x of length "
                    + a.columns() + " and y of length " + a.rows() + ", got " + x.length + " and " + y.length);
        }
        if (x == y) {
            throw new IllegalArgumentException("x and y must be different arrays");
        }
        jobValues = a.values();
        jobX = x;
        jobY = y;
        team.run(chunkStart.length - 1, chunkTask);
        jobValues = null;
        jobX = null;
        jobY = null;
    }

    /**
     * Chunk {@code part}: the serial kernel of {@link CsrMatrix#multiply} on its rows, with the
     * common short row lengths (3 to 5, as in 5-point stencils and narrow block bands) written
     * out. The sums are formed in exactly the same order (0.0 first, then entry by entry), so
     * the result is bit-identical; the unrolled code only saves the short inner loop's
     * bookkeeping, which dominates when rows hold five entries. (Pairing two 5-entry rows was
     * tried and measured slower under JMH: the larger method loses C2's loop optimisations.)
     */
    private void multiplyChunk(int part) {
        final int[] rowStart = pattern.rowStart();
        final int[] columnIndex = pattern.columnIndex();
        final double[] v = jobValues;
        final double[] x = jobX;
        final double[] y = jobY;
        int r = chunkStart[part];
        int to = chunkStart[part + 1];
        int p = rowStart[r];
        for (; r < to; r++) {
            int end = rowStart[r + 1];
            double sum = 0.0;
            switch (end - p) {
                case 5:
                    sum += v[p] * x[columnIndex[p]];
                    sum += v[p + 1] * x[columnIndex[p + 1]];
                    sum += v[p + 2] * x[columnIndex[p + 2]];
                    sum += v[p + 3] * x[columnIndex[p + 3]];
                    sum += v[p + 4] * x[columnIndex[p + 4]];
                    break;
                case 4:
                    sum += v[p] * x[columnIndex[p]];
                    sum += v[p + 1] * x[columnIndex[p + 1]];
                    sum += v[p + 2] * x[columnIndex[p + 2]];
                    sum += v[p + 3] * x[columnIndex[p + 3]];
                    break;
                case 3:
                    sum += v[p] * x[columnIndex[p]];
                    sum += v[p + 1] * x[columnIndex[p + 1]];
                    sum += v[p + 2] * x[columnIndex[p + 2]];
                    break;
                default:
                    for (int q = p; q < end; q++) {
                        sum += v[q] * x[columnIndex[q]];
                    }
            }
            y[r] = sum;
            p = end;
        }
    }

    /** Stops the worker threads; later multiplies throw. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        team.close();
    }
}
