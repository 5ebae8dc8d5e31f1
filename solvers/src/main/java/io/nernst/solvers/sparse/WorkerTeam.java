package io.nernst.solvers.sparse;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads for data-parallel kernels that must not allocate per call:
 * {@link #run(int, Task)} executes {@code task.run(c)} for every chunk c = 0..chunks-1 exactly
 * once, on the calling thread and on persistent daemon workers, and returns when all chunks
 * are done.
 *
 * <p>Chunks are claimed dynamically from a shared counter, and the caller waits for
 * <em>chunks</em>, not for workers: on an oversubscribed machine a worker that the operating
 * system has not scheduled yet simply finds nothing left to claim, instead of holding up the
 * call for a time slice. The counter carries the call's generation in its high bits, so a
 * late worker can never claim a chunk of a call other than the one whose task it read.
 * Hand-over: the task is published by a volatile generation write, results come back through
 * the atomic completion counter; waiting spins briefly, then parks.
 *
 * <p>One call at a time: concurrent calls on one team are serialised.
 */
public final class WorkerTeam implements AutoCloseable {
    /** One chunk of a data-parallel kernel. */
    @FunctionalInterface
    public interface Task {
        void run(int chunk);
    }

    private static final int SPINS = 2_000;

    private final Thread[] workers;
    /** (generation << 32) | next unclaimed chunk. */
    private final AtomicLong claim = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Task task;
    private volatile int chunkCount;
    private volatile Throwable failure;

    /**
     * @param threads team size including the calling thread, at least 1
     */
    public WorkerTeam(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            Thread t = new Thread(this::workerLoop, "nernst-team-" + (w + 1));
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    /** Number of threads including the caller. */
    public int size() {
        return workers.length + 1;
    }

    /**
     * Runs chunks 0..chunks-1 of {@code work} and waits for all of them.
     *
     * @throws IllegalArgumentException if chunks is negative
     * @throws IllegalStateException    after {@link #close()}
     * @throws RuntimeException         the first failure of a chunk, rethrown after all chunks ended
     */
    public synchronized void run(int chunks, Task work) {
        if (closed) {
            throw new IllegalStateException("WorkerTeam is closed");
        }
        if (chunks < 0) {
            throw new IllegalArgumentException("chunks must be non-negative, got " + chunks);
        }
        if (workers.length == 0 || chunks <= 1) {
            for (int c = 0; c < chunks; c++) {
                work.run(c);
            }
            return;
        }
        int g = generation + 1;
        task = work;
        chunkCount = chunks;
        failure = null;
        caller = Thread.currentThread();
        done.set(0);
        claim.set((long) g << 32);
        generation = g; // volatile write: publishes the job to the workers
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        work(g, work, chunks);
        int spins = 0;
        while (done.get() != chunks) {
            if (spins < SPINS) {
                spins++;
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        task = null;
        Throwable t = failure;
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
    }

    /** Claims and runs chunks of generation g until none is left. */
    private void work(int g, Task work, int chunks) {
        while (true) {
            long current = claim.get();
            if ((int) (current >>> 32) != g) {
                return;
            }
            int chunk = (int) current;
            if (chunk >= chunks) {
                return;
            }
            if (!claim.compareAndSet(current, current + 1)) {
                continue;
            }
            try {
                work.run(chunk);
            } catch (Throwable e) {
                failure = e;
            }
            if (done.incrementAndGet() == chunks) {
                LockSupport.unpark(caller);
            }
        }
    }

    private void workerLoop() {
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
            Task work = task;
            int chunks = chunkCount;
            if (work != null) {
                work(g, work, chunks);
            }
        }
    }

    /** Stops the workers; later runs throw. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
