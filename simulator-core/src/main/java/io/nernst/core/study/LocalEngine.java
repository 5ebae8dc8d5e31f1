package io.nernst.core.study;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a study's pending runs on a pool of worker threads on this machine.
 *
 * <p>Each worker has its own {@link RunExecutor} (what runs share is built once per worker) and takes the
 * next pending run from a shared counter, so the load balances itself whatever the runs' lengths. The
 * calling thread is the only writer of the store: it waits for finished runs and commits every run that has
 * finished since its last commit in one transaction, so a run is durable moments after it ends and commits
 * never outnumber runs. Results do not depend on the number of threads or the order in which runs finish:
 * each run's record is a function of its inputs alone and is stored under its index.
 */
public final class LocalEngine {

    /** Receives the engine's progress (on the calling thread). */
    public interface Listener {
        /** Before the first run: how many runs the study has and how many were recorded before. */
        default void started(int total, int alreadyRecorded) {
        }

        /** After a run is durably recorded. */
        default void recorded(RunRecord record) {
        }
    }

    /** What this call ran. */
    public record Outcome(int total, int alreadyRecorded, int ran, int failed, double wallSeconds) {
    }

    private LocalEngine() {
    }

    /**
     * Runs every run not yet in the store.
     *
     * @param threads       worker threads (at least 1)
     * @param runsDirectory where kept per-run outputs go, or null
     */
    public static Outcome run(StudyDefinition study, List<RunPoint> points, StudyBackend backend, StudyStore store,
                              int threads, String runsDirectory, Listener listener) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        long start = System.nanoTime();
        BitSet recorded = store.recordedRuns();
        int[] pending = new int[points.size() - recorded.cardinality()];
        int k = 0;
        for (int i = 0; i < points.size(); i++) {
            if (!recorded.get(i)) {
                pending[k++] = i;
            }
        }
        int already = points.size() - pending.length;
        if (listener != null) {
            listener.started(points.size(), already);
        }
        int workers = Math.max(1, Math.min(threads, pending.length));
        BlockingQueue<RunRecord> finished = new LinkedBlockingQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        int metricCount = study.metrics().size();
        List<Thread> pool = new ArrayList<>();
        for (int w = 0; w < workers && pending.length > 0; w++) {
            Thread t = new Thread(() -> {
                RunExecutor executor = null;
                while (!stop.get()) {
                    int i = next.getAndIncrement();
                    if (i >= pending.length) {
                        return;
                    }
                    RunPoint p = points.get(pending[i]);
                    long t0 = System.nanoTime();
                    RunRecord r;
                    try {
                        if (executor == null) {
                            executor = backend.executor(study, runsDirectory);
                        }
                        r = executor.run(p);
                    } catch (RuntimeException | Error e) {
                        if (e instanceof VirtualMachineError vme && !(e instanceof OutOfMemoryError)) {
                            throw vme;
                        }
                        r = RunRecord.failed(p.index(), metricCount, RunRecord.INTERNAL_ERROR, e.toString(),
                                (System.nanoTime() - t0) * 1e-9);
                    }
                    finished.add(r);
                }
            }, "study-worker-" + (w + 1));
            t.setDaemon(true);
            pool.add(t);
            t.start();
        }
        int received = 0;
        int failed = 0;
        List<RunRecord> batch = new ArrayList<>();
        try {
            while (received < pending.length) {
                batch.clear();
                batch.add(finished.take());
                finished.drainTo(batch);
                store.record(batch, points);
                received += batch.size();
                for (RunRecord r : batch) {
                    if (r.status() == RunRecord.Status.FAILED) {
                        failed++;
                    }
                    if (listener != null) {
                        listener.recorded(r);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for runs", e);
        } finally {
            stop.set(true);
        }
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Outcome(points.size(), already, received, failed, (System.nanoTime() - start) * 1e-9);
    }
}
