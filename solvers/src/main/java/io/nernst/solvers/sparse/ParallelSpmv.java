package io.nernst.solvers.sparse;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Multithreaded sparse matrix-vector product y = A x for one fixed CSR pattern.
 *
 * <p>Rows are split once, at construction, into one contiguous chunk per thread with about
 * equal work, measured as nonzeros plus {@value #ROW_WEIGHT} per row (the y store and row
 * pointer load); the split points come from a binary search in the prefix sums
 * {@code rowStart[r] + ROW_WEIGHT * r}, so a few dense rows do not unbalance the threads.
 * The calling thread computes the first chunk and {@code threads - 1} daemon workers, started
 * once, the others; a call allocates nothing and hands work over through a volatile generation
 * counter and {@link LockSupport} park/unpark. Every row is summed in the same order as
 * {@link CsrMatrix#multiply}, so the result is bit-for-bit the serial one.
 *
 * <p>One product at a time: concurrent calls on one instance are serialised. Call
 * {@link #close()} to stop the workers (they are daemons, so a forgotten close does not keep
 * the JVM alive).
 */
public final class ParallelSpmv implements AutoCloseable {
    /** Work of a row beyond its nonzeros, in units of one multiply-add. */
    static final int ROW_WEIGHT = 2;
    /** Spin iterations before parking; short, because the machine may be oversubscribed. */
    private static final int SPINS = 2_000;

    private final CsrMatrix pattern;
    private final int[] chunkStart;
    private final Thread[] workers;
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread caller;
    // Job fields: written before the volatile generation increment, read after it.
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
        int chunks = Math.min(threads, pattern.rows());
        chunkStart = split(pattern.rowStart(), pattern.rows(), chunks);
        workers = new Thread[chunks - 1];
        for (int w = 0; w < workers.length; w++) {
            final int chunk = w + 1;
            Thread t = new Thread(() -> workerLoop(chunk), "nernst-spmv-" + chunk);
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
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

    /** Number of chunks (threads actually used). */
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
     * @throws IllegalArgumentException if A does not have the construction pattern or a vector is too short
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
        if (workers.length == 0) {
            rows(a.values(), x, y, 0, chunkStart[1]);
            return;
        }
        jobValues = a.values();
        jobX = x;
        jobY = y;
        caller = Thread.currentThread();
        remaining.set(workers.length);
        generation++; // volatile write publishes the job fields
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        rows(a.values(), x, y, 0, chunkStart[1]);
        int spins = 0;
        while (remaining.get() != 0) {
            if (spins < SPINS) {
                spins++;
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        jobValues = null;
        jobX = null;
        jobY = null;
    }

    private void workerLoop(int chunk) {
        int seen = 0;
        while (true) {
            int spins = 0;
            int g;
            while ((g = generation) == seen && !closed) {
                if (spins < SPINS) {
                    spins++;
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = g;
            rows(jobValues, jobX, jobY, chunkStart[chunk], chunkStart[chunk + 1]);
            if (remaining.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** The serial kernel of {@link CsrMatrix#multiply} on rows [from, to). */
    private void rows(double[] values, double[] x, double[] y, int from, int to) {
        final int[] rowStart = pattern.rowStart();
        final int[] columnIndex = pattern.columnIndex();
        for (int r = from; r < to; r++) {
            double sum = 0.0;
            for (int p = rowStart[r], end = rowStart[r + 1]; p < end; p++) {
                sum += values[p] * x[columnIndex[p]];
            }
            y[r] = sum;
        }
    }

    /** Stops the worker threads; later multiplies throw. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
