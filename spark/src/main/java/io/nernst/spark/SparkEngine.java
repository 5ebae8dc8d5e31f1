package io.nernst.spark;

import io.nernst.core.study.RunExecutor;
import io.nernst.core.study.RunPoint;
import io.nernst.core.study.RunRecord;
import io.nernst.core.study.StudyBackend;
import io.nernst.core.study.StudyDefinition;
import io.nernst.core.study.StudyStore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Runs a study's pending runs on Apache Spark: embedded ({@code local[*]}, every core of this machine) by
 * default, or on a cluster given by a master URL (or through {@code spark-submit}, which sets it).
 *
 * <p>The driver holds the study definition and the run points; both are broadcast once. The pending run
 * indices (one int per run) are the RDD, cut into partitions of a few runs; each partition builds one
 * {@link RunExecutor} (so an executor's runs share the parsed scenario and parameter set, as a local worker's
 * do) and maps its indices to {@link RunRecord}s. A run that fails is a failed record, never a failed task, so
 * failures are isolated per run. Records stream back to the driver partition by partition
 * ({@code toLocalIterator}) and are committed to the store as they arrive, so a study stopped mid-way resumes
 * with the local or the Spark engine alike. Each run's record depends only on its inputs, so the rows are
 * those of the local engine, bit for bit.
 */
public final class SparkEngine {

    /** Runs per partition: small, so that results reach the store soon after their runs finish. */
    static final int RUNS_PER_PARTITION = 4;

    private SparkEngine() {
    }

    /**
     * Runs every run not yet in the store.
     *
     * @param master a Spark master URL; null or blank for {@code local[threads]}
     * @param threads cores of the embedded master (ignored with a cluster master)
     */
    public static io.nernst.core.study.LocalEngine.Outcome run(StudyDefinition study, List<RunPoint> points, StudyBackend backend,
                                                                StudyStore store, String master, int threads,
                                                                io.nernst.core.study.LocalEngine.Listener listener) {
        long start = System.nanoTime();
        BitSet recorded = store.recordedRuns();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (!recorded.get(i)) {
                pending.add(i);
            }
        }
        int already = points.size() - pending.size();
        if (listener != null) {
            listener.started(points.size(), already);
        }
        int failed = 0;
        int received = 0;
        if (!pending.isEmpty()) {
            SparkConf conf = new SparkConf().setAppName("nernst study " + study.name())
                    .set("spark.ui.enabled", "false")
                    .set("spark.ui.showConsoleProgress", "false");
            if (master != null && !master.isBlank()) {
                conf.setMaster(master);
            } else if (!conf.contains("spark.master")) {
                conf.setMaster("local[" + Math.max(1, threads) + "]");
            }
            try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                sc.setLogLevel("WARN");
                Broadcast<StudyDefinition> studyB = sc.broadcast(study);
                Broadcast<List<RunPoint>> pointsB = sc.broadcast(points);
                Broadcast<StudyBackend> backendB = sc.broadcast(backend);
                int slices = Math.max(1, (pending.size() + RUNS_PER_PARTITION - 1) / RUNS_PER_PARTITION);
                JavaRDD<Integer> indices = sc.parallelize(pending, slices);
                JavaRDD<RunRecord> records = indices.mapPartitions(it -> runPartition(it, studyB.value(), pointsB.value(),
                        backendB.value()));
                Iterator<RunRecord> results = records.toLocalIterator();
                List<RunRecord> batch = new ArrayList<>();
                while (results.hasNext()) {
                    batch.clear();
                    // one partition's records at a time: each is durable before the next partition is read
                    do {
                        batch.add(results.next());
                    } while (batch.size() < RUNS_PER_PARTITION && results.hasNext());
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
            }
        }
        return new io.nernst.core.study.LocalEngine.Outcome(points.size(), already, received, failed,
                (System.nanoTime() - start) * 1e-9);
    }

    /** One partition on an executor: one {@link RunExecutor} for its runs; a failing run becomes a failed record. */
    static Iterator<RunRecord> runPartition(Iterator<Integer> indices, StudyDefinition study, List<RunPoint> points,
                                            StudyBackend backend) {
        List<RunRecord> out = new ArrayList<>();
        RunExecutor executor = null;
        while (indices.hasNext()) {
            RunPoint p = points.get(indices.next());
            long t0 = System.nanoTime();
            try {
                if (executor == null) {
                    executor = backend.executor(study, null);
                }
                out.add(executor.run(p));
            } catch (RuntimeException e) {
                out.add(RunRecord.failed(p.index(), study.metrics().size(), RunRecord.INTERNAL_ERROR, e.toString(),
                        (System.nanoTime() - t0) * 1e-9));
            }
        }
        return out.iterator();
    }
}
