package io.nernst.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.study.LocalEngine;
import io.nernst.core.study.RunPoint;
import io.nernst.core.study.RunRecord;
import io.nernst.core.study.Sampling;
import io.nernst.core.study.StudyDefinition;
import io.nernst.core.study.StudyLoader;
import io.nernst.core.study.StudyStore;
import io.nernst.models.study.BuiltInStudyBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine in local mode gives the local engine's rows bit for bit (coarse DFN runs, one of them an
 * invalid combination that fails on its own without failing its partition), and resumes a partly recorded
 * study.
 */
class SparkEngineTest {

    @TempDir
    Path dir;

    @Test
    void sparkRowsAreTheLocalEnginesBitForBitAndFailuresStayPerRun() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), String.join("\n",
                "model: DFN",
                "parameters: {set: marquis2019}",
                "experiment: {steps: [\"Discharge at {C-rate}C until 3.105 V\"]}",
                "mesh: {negative: 8, separator: 4, positive: 8, particle: 6}") + "\n");
        Files.writeString(dir.resolve("study.yaml"), String.join("\n",
                "base: base.yaml",
                "vary:",
                "  C-rate: [0.5, 1, 2]",
                "  Positive electrode porosity: [0.3, 0.6]",   // 0.6 + the set's 0.5 active fraction exceeds 1
                "metrics:",
                "  capacity: {type: discharge capacity, step: 1}",
                "  min ce: min electrolyte concentration") + "\n");
        StudyDefinition study = StudyLoader.load(dir.resolve("study.yaml"));
        List<RunPoint> points = Sampling.points(study, false);
        List<RunRecord> local;
        try (StudyStore store = StudyStore.open(dir.resolve("local"), study, false)) {
            LocalEngine.run(study, points, BuiltInStudyBackend.INSTANCE, store, 2, null, null);
            local = store.records();
        }
        List<RunRecord> spark;
        try (StudyStore store = StudyStore.open(dir.resolve("spark"), study, false)) {
            // two runs recorded before, as after a stop: Spark runs the other four
            store.record(local.subList(0, 2), points);
            LocalEngine.Outcome o = SparkEngine.run(study, points, BuiltInStudyBackend.INSTANCE, store, "local[2]", 2, null);
            assertEquals(2, o.alreadyRecorded());
            assertEquals(4, o.ran());
            assertEquals(2, o.failed(), "runs 4 and 6 (run 2 was recorded before)");
            spark = store.records();
        }
        assertEquals(6, spark.size());
        int failed = 0;
        for (int i = 0; i < 6; i++) {
            assertTrue(local.get(i).sameResults(spark.get(i)), "run " + i + ": " + local.get(i) + " vs " + spark.get(i));
            if (spark.get(i).status() == RunRecord.Status.FAILED) {
                failed++;
                assertEquals(RunRecord.INVALID_INPUT, spark.get(i).failureKind());
            }
        }
        assertEquals(3, failed, "the three porosity 0.6 runs");
    }
}
