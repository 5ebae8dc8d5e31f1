package io.nernst.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local engine and the store on a synthetic backend: results independent of thread count, failures
 * recorded and the study going on, resume without redoing a run, a changed study refused, exports.
 */
class LocalEngineTest {

    @TempDir
    Path dir;

    static final AtomicInteger CALLS = new AtomicInteger();

    /** Metric = a smooth function of the inputs; run 3 of every 7 throws, run 4 of every 5 reports a solver failure. */
    static final class SyntheticBackend implements StudyBackend {
        private static final long serialVersionUID = 1L;

        @Override
        public void validate(StudyDefinition study, List<RunPoint> points) {
        }

        @Override
        public RunExecutor executor(StudyDefinition study, String runsDirectory) {
            return p -> {
                CALLS.incrementAndGet();
                if (p.index() % 7 == 3) {
                    throw new IllegalStateException("synthetic crash in run " + p.index());
                }
                if (p.index() % 5 == 4) {
                    return RunRecord.failed(p.index(), 1, RunRecord.SOLVER_FAILURE, "Newton failed at t = " + (p.index() * 1.5) + " s", 0);
                }
                double x = 0;
                for (int k = 0; k < 2000; k++) {
                    x += Math.sin(p.numbers()[0] * k) * Math.exp(-p.numbers()[1] * 1e-3 * k);
                }
                return new RunRecord(p.index(), new double[]{x}, RunRecord.Status.COMPLETED, "time limit", null, null, 1e-3,
                        p.index(), 0, 2L * p.index(), 0, 0);
            };
        }
    }

    private StudyDefinition study(String extra) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), "model: DFN\nparameters: {set: s}\nexperiment: {steps: [\"Discharge at {rate}C until 3 V\"]}\n");
        return StudyLoader.parse("base: base.yaml\nmetrics: {c: discharge capacity}\nvary:\n  rate: {from: 0.1, to: 2, count: 8}\n"
                + "  Negative electrode thickness: {from: 10 um, to: 100 um, count: 6}\n" + extra, "study.yaml", dir, "study");
    }

    private List<RunRecord> runAll(StudyDefinition s, Path out, int threads) {
        List<RunPoint> points = Sampling.points(s, false);
        try (StudyStore store = StudyStore.open(out, s, false)) {
            LocalEngine.Outcome o = LocalEngine.run(s, points, new SyntheticBackend(), store, threads, null, null);
            assertEquals(points.size(), o.ran());
            return store.records();
        }
    }

    @Test
    void resultsAreBitForBitTheSameWhateverTheThreadCount() throws IOException {
        StudyDefinition s = study("");
        List<RunRecord> one = runAll(s, dir.resolve("one"), 1);
        List<RunRecord> three = runAll(s, dir.resolve("three"), 3);
        assertEquals(48, one.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(i, one.get(i).index());
            assertTrue(one.get(i).sameResults(three.get(i)), "run " + i);
        }
    }

    @Test
    void failuresAreRecordedGroupedAndTheStudyGoesOn() throws IOException {
        StudyDefinition s = study("");
        List<RunRecord> r = runAll(s, dir.resolve("f"), 2);
        long crashes = r.stream().filter(x -> RunRecord.INTERNAL_ERROR.equals(x.failureKind())).count();
        long solver = r.stream().filter(x -> RunRecord.SOLVER_FAILURE.equals(x.failureKind())).count();
        assertEquals(7, crashes); // 3, 10, 17, 24, 31, 38, 45
        assertEquals(8, solver); // 4, 9, ..., 44 less 24 (a crash first)... counted below
        try (StudyStore store = StudyStore.open(dir.resolve("f"), s, false)) {
            StudySummary sum = StudySummary.of(48, store.rows());
            assertEquals(48 - 15, sum.completed());
            assertEquals(15, sum.failed());
            assertEquals(2, sum.failures().size(), "one group per kind and message pattern: " + sum.failures());
            assertEquals(8, sum.failures().get(0).count());
            assertTrue(sum.lines().get(1).contains("8 x solver failure: Newton failed at t = 6.0 s (first: run 5)"), sum.lines().toString());
        }
    }

    @Test
    void resumeRunsOnlyWhatIsMissingAndAChangedStudyIsRefused() throws Exception {
        StudyDefinition s = study("");
        List<RunPoint> points = Sampling.points(s, false);
        Path out = dir.resolve("r");
        try (StudyStore store = StudyStore.open(out, s, false)) {
            // as if the process had been killed after 20 runs
            RunExecutor ex = new SyntheticBackend().executor(s, null);
            List<RunRecord> first = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                try {
                    first.add(ex.run(points.get(i)));
                } catch (IllegalStateException e) {
                    first.add(RunRecord.failed(i, 1, RunRecord.INTERNAL_ERROR, e.toString(), 0));
                }
            }
            store.record(first, points);
        }
        CALLS.set(0);
        try (StudyStore store = StudyStore.open(out, s, false)) {
            LocalEngine.Outcome o = LocalEngine.run(s, points, new SyntheticBackend(), store, 2, null, null);
            assertEquals(20, o.alreadyRecorded());
            assertEquals(28, o.ran());
            assertEquals(28, CALLS.get());
            assertEquals(48, store.records().size());
            store.exportCsv(out.resolve("runs.csv"));
            store.exportParquet(out.resolve("runs.parquet"));
        }
        List<String> csv = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(49, csv.size());
        assertTrue(csv.get(0).startsWith("run,rate,Negative electrode thickness [um],c [A.h],status,end,failure kind,failure,wall time [s],steps"),
                csv.get(0));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT run) FROM '" + out.resolve("runs.parquet") + "'")) {
            rs.next();
            assertEquals(48, rs.getInt(1));
            assertEquals(48, rs.getInt(2));
        }
        StudyDefinition changed = study("timeout: 1 min\n");
        StudyStore.StudyChangedException e = assertThrows(StudyStore.StudyChangedException.class,
                () -> StudyStore.open(out, changed, false));
        assertTrue(e.getMessage().contains("--restart") && e.getMessage().contains("--out"), e.getMessage());
        try (StudyStore store = StudyStore.open(out, changed, true)) {
            assertEquals(0, store.recordedRuns().cardinality());
        }
    }

    @Test
    void reportHasPlotsForOneAndTwoInputsAndTheRunTimes() throws IOException {
        StudyDefinition s = study("");
        Path out = dir.resolve("rep");
        runAll(s, out, 2);
        try (StudyStore store = StudyStore.open(out, s, false)) {
            List<Map<String, Object>> rows = store.rows();
            List<Path> files = StudyReport.write(out, s, rows, StudySummary.of(48, rows), null);
            String md = Files.readString(out.resolve(StudyReport.FILE));
            assertTrue(md.contains("heatmap-03.png") && md.contains("metric-01.png") && md.contains("run-times.png"), md);
            for (Path f : files) {
                assertTrue(Files.size(f) > (f.toString().endsWith(".md") ? 300 : 1000), f.toString());
            }
        }
    }
}
