package io.nernst.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.study.RunRecord;
import io.nernst.core.study.StudyDefinition;
import io.nernst.core.study.StudyLoader;
import io.nernst.core.study.StudyStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code nernst study} with real DFN runs: the same rows bit for bit on 1 and 2 threads, metrics that
 * agree with a direct run, a process killed with SIGKILL resumed without losing or redoing a run, failed
 * runs isolated and grouped, bad input refused with exit 2 before any run.
 */
class StudyCommandTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = NernstCommand.commandLine(ModelCatalog.builtIn());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A coarse DFN (8/4/8 x 6) so that a test run takes milliseconds. */
    private Path base() throws IOException {
        Path b = dir.resolve("base.yaml");
        Files.writeString(b, String.join("\n",
                "model: DFN",
                "parameters: {set: marquis2019}",
                "experiment: {steps: [\"Discharge at 1C until 3.105 V\"]}",
                "mesh: {negative: 8, separator: 4, positive: 8, particle: 6}",
                "") + "\n");
        return b;
    }

    private Path study(String name, String... lines) throws IOException {
        base();
        Path s = dir.resolve(name);
        Files.writeString(s, "base: base.yaml\n" + String.join("\n", lines) + "\n");
        return s;
    }

    private Path rateThickness(String name, int rates, String... extra) throws IOException {
        List<String> l = new ArrayList<>(List.of(
                "set: {experiment.steps: [\"Discharge at {C-rate}C until 3.105 V\"]}",
                "vary:",
                "  C-rate: {from: 0.5, to: 2, count: " + rates + "}",
                "  Positive electrode thickness: [\"70 um\", \"80 um\"]",
                "metrics:",
                "  capacity: {type: discharge capacity, step: 1}",
                "  energy: discharge energy",
                "  end voltage: end voltage",
                "  time to cut-off: time to cutoff",
                "  min ce: min electrolyte concentration",
                "  ocv: {type: value, column: \"Battery open-circuit voltage [V]\"}"));
        l.addAll(List.of(extra));
        return study(name, l.toArray(new String[0]));
    }

    private List<RunRecord> records(Path studyFile, Path out) {
        StudyDefinition s = StudyLoader.load(studyFile);
        try (StudyStore store = StudyStore.open(out, s, false)) {
            return store.records();
        }
    }

    @Test
    void sameRowsBitForBitOnOneAndTwoThreadsAndMetricsMatchTheRun() throws IOException {
        Path s = rateThickness("rt.yaml", 3);
        Result one = run("study", s.toString(), "--out", dir.resolve("one").toString(), "--threads", "1", "--quiet");
        assertEquals(ExitCodes.OK, one.code(), one.err());
        Result two = run("study", s.toString(), "--out", dir.resolve("two").toString(), "--threads", "2");
        assertEquals(ExitCodes.OK, two.code(), two.err());
        assertTrue(two.out().contains("6 of 6 runs recorded: 6 completed, 0 failed"), two.out());
        List<RunRecord> a = records(s, dir.resolve("one"));
        List<RunRecord> b = records(s, dir.resolve("two"));
        assertEquals(6, a.size());
        for (int i = 0; i < 6; i++) {
            assertTrue(a.get(i).sameResults(b.get(i)), "run " + i);
            assertEquals("voltage limit", a.get(i).end());
        }
        // run 1 (0.5C, 70 um): the study's metrics are the ones `nernst run` reports for the same scenario
        Path single = dir.resolve("single.yaml");
        Files.writeString(single, String.join("\n",
                "model: DFN", "parameters: {set: marquis2019, overrides: {\"Positive electrode thickness\": \"70 um\"}}",
                "experiment: {steps: [\"Discharge at 0.5C until 3.105 V\"]}",
                "mesh: {negative: 8, separator: 4, positive: 8, particle: 6}",
                "output: {dir: " + dir.resolve("single-out") + ", plot: false}") + "\n");
        Result r = run("run", single.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String json = Files.readString(dir.resolve("single-out/summary.json"));
        double capacity = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("steps").get(0).get("capacityAh").asDouble();
        assertEquals(capacity, a.get(0).metrics()[0], 0.0, "bit for bit the same run");
        // capacity grows with the cathode thickness at every rate (the positive electrode limits this cell)
        for (int i = 0; i < 3; i++) {
            assertTrue(a.get(2 * i + 1).metrics()[0] > a.get(2 * i).metrics()[0], "rate " + i);
        }
        // the electrolyte is depleted more at 2C than at 0.5C, and stays positive
        assertTrue(a.get(4).metrics()[4] < a.get(0).metrics()[4] && a.get(4).metrics()[4] > 0);
        List<String> csv = Files.readAllLines(dir.resolve("two/runs.csv"));
        assertEquals(7, csv.size());
        assertTrue(Files.size(dir.resolve("two/runs.parquet")) > 0);
        assertTrue(Files.readString(dir.resolve("two/report.md")).contains("heatmap"), "report with a heat map");
    }

    @Test
    void aKilledStudyResumesWithoutLosingOrRedoingARun() throws Exception {
        Path s = rateThickness("kill.yaml", 30, "keep: [timeseries]");
        Path out = dir.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.nernst.cli.NernstCommand",
                "study", s.toString(), "--out", out.toString(), "--threads", "1", "--quiet")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path runs = out.resolve("runs");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.isDirectory(runs)) {
                try (var list = Files.list(runs)) {
                    if (list.count() >= 4) {
                        break;
                    }
                }
            }
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the study must still be running when it is killed: " + Files.readString(dir.resolve("child.log")));
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        List<RunRecord> before = records(s, out);
        int k = before.size();
        assertTrue(k >= 2 && k < 60, "recorded before the kill: " + k);
        Result resumed = run("study", s.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(ExitCodes.OK, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("resuming: " + k + " already recorded, " + (60 - k) + " to run"), resumed.out());
        List<RunRecord> after = records(s, out);
        assertEquals(60, after.size());
        for (int i = 0; i < 60; i++) {
            assertEquals(i, after.get(i).index());
        }
        for (RunRecord r : before) {
            // the same wall time to the last bit: the row was kept, not run again
            assertEquals(r.wallSeconds(), after.get(r.index()).wallSeconds(), 0.0);
        }
        // a fresh uninterrupted study gives the same rows
        Result fresh = run("study", s.toString(), "--out", dir.resolve("fresh").toString(), "--quiet");
        assertEquals(ExitCodes.OK, fresh.code(), fresh.err());
        List<RunRecord> reference = records(s, dir.resolve("fresh"));
        for (int i = 0; i < 60; i++) {
            assertTrue(reference.get(i).sameResults(after.get(i)), "run " + i);
        }
    }

    @Test
    void failedRunsAreRecordedAndGroupedAndTheStudyGoesOn() throws IOException {
        // porosity + active material fraction above 1 is an invalid combination, refused by the model for
        // two of the four runs; each value alone is allowed
        Path s = study("fail.yaml",
                "vary:",
                "  Positive electrode porosity: [0.3, 0.6]",
                "  Positive electrode active material volume fraction: [0.3, 0.5]",
                "metrics: {capacity: discharge capacity}");
        Result r = run("study", s.toString(), "--out", dir.resolve("fail").toString());
        assertEquals(ExitCodes.SOLVER_FAILURE, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("4 of 4 runs recorded: 3 completed, 1 failed"), r.out());
        assertTrue(r.out().contains("1 x invalid input"), r.out());
        List<Map<String, Object>> rows;
        try (StudyStore store = StudyStore.open(dir.resolve("fail"), StudyLoader.load(s), false)) {
            rows = store.rows();
        }
        assertEquals("failed", rows.get(3).get("status"));
        assertTrue(String.valueOf(rows.get(3).get("failure")).contains("exceeds 1"), rows.get(3).toString());
        assertEquals(null, rows.get(3).get("capacity [A.h]"));
    }

    @Test
    void badInputExitsWith2BeforeAnyRun() throws IOException {
        Result r = run("study", study("a.yaml", "vary: {Positive electrode thicknes: [\"70 um\"]}",
                "metrics: {c: discharge capacity}").toString(), "--out", dir.resolve("a").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("unknown varied name 'Positive electrode thicknes'")
                && r.err().contains("did you mean 'Positive electrode thickness'"), r.err());
        assertTrue(!Files.exists(dir.resolve("a")), "nothing written before the input is checked");

        r = run("study", study("b.yaml", "vary: {Positive electrode thickness: [70, 80]}",
                "metrics: {c: discharge capacity}").toString(), "--out", dir.resolve("b").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("needs a unit"), r.err());

        r = run("study", study("c.yaml", "vary: {Positive electrode thickness: {from: 50 um, to: 90 um, count: 400},",
                "  Negative electrode thickness: {from: 50 um, to: 90 um, count: 400}}",
                "metrics: {c: discharge capacity}").toString(), "--out", dir.resolve("c").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("160,000 runs") && r.err().contains("--force"), r.err());

        r = run("study", study("d.yaml", "vary: {mesh.negative: [4, 0]}", "metrics: {c: discharge capacity}").toString(),
                "--out", dir.resolve("d").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("mesh.negative"), r.err());

        r = run("study", study("e.yaml", "vary: {Positive electrode thickness: [\"70 um\"]}",
                "metrics: {c: {type: max, column: \"Voltag [V]\"}}").toString(), "--out", dir.resolve("e").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("did you mean 'Voltage [V]'"), r.err());

        // a changed study in a folder of recorded runs
        Path f = study("f.yaml", "vary: {Positive electrode thickness: [\"70 um\"]}", "metrics: {c: discharge capacity}");
        assertEquals(ExitCodes.OK, run("study", f.toString(), "--out", dir.resolve("f").toString(), "--quiet").code());
        Files.writeString(f, Files.readString(f).replace("70 um", "75 um"));
        r = run("study", f.toString(), "--out", dir.resolve("f").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("--restart"), r.err());
        assertEquals(ExitCodes.OK, run("study", f.toString(), "--out", dir.resolve("f").toString(), "--restart", "--quiet").code());
    }
}
