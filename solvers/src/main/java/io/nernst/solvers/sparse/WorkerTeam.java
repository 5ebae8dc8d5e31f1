package io.nernst.solvers.sparse;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads for fork-join style kernels that must not allocate per call:
 * {@link #run(Task)} calls {@code task.run(0)} on the calling thread and {@code task.run(w)},
 * w = 1..size-1, on persistent daemon workers, and returns when all are done.
 *
 * <p>Hand-over uses a volatile generation counter (publishing the task and everything the
 * caller wrote before) and an atomic countdown (publishing the workers' writes back), with a
 * short spin followed by {@link LockSupport#park}, since the machine may be oversubscribed.
 * One {@code run} at a time: concurrent calls on one team are serialised.
 */
public final class WorkerTeam implements AutoCloseable {
    /** Work split into {@link WorkerTeam#size()} parts; part w runs on thread w. */
    @FunctionalInterface
    public interface Task {
        void run(int part);
    }

    private static final int SPINS = 2_000;

    private final Thread[] workers;
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Task task;
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
            final int part = w + 1;
            Thread t = new Thread(() -> workerLoop(part), "nernst-team-" + part);
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    /** Number of parts (threads including the caller). */
    public int size() {
        return workers.length + 1;
    }

    /**
     * Runs all parts of {@code task} and waits for them.
     *
     * @throws IllegalStateException after {@link #close()}
     * @throws RuntimeException      rethrown (wrapped if checked) when a part failed
     */
    public synchronized void run(Task work) {
        if (closed) {
            throw new IllegalStateException("WorkerTeam is closed");
        }
        if (workers.length == 0) {
            work.run(0);
            return;
        }
        task = work;
        failure = null;
        caller = Thread.currentThread();
        remaining.set(workers.length);
        generation++; // volatile write: publishes task and the caller's prior writes
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        Throwable own = null;
        try {
            work.run(0);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        int spins = 0;
        while (remaining.get() != 0) {
            if (spins < SPINS) {
                spins++;
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        task = null;
        Throwable t = own != null ? own : failure;
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
    }

    private void workerLoop(int part) {
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
            try {
                task.run(part);
            } catch (Throwable e) {
                failure = e;
            }
            if (remaining.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
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
