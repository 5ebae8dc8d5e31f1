package io.nernst.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL at any moment leaves the previous complete output set or the new
 * complete set, never a mix and no stray temporary file (io.nernst.core.output.OutputSet). Runs
 * {@code nernst} in a child JVM, lets a first run complete (set A, with field outputs), then starts
 * a different run (set B, without them) into the same directory and kills it at several moments
 * spread over its measured duration.
 */
class KilledRunTest {
    @TempDir
    Path dir;

    private Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), NernstCommand.class.getName()));
        cmd.addAll(Arrays.asList(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    private void runToEnd(String... args) throws Exception {
        Process p = start(args);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child run timed out");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("child.log")));
    }

    /** Every file under root (relative name to bytes). */
    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace(File.separatorChar, '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (String k : a.keySet()) {
            if (!Arrays.equals(a.get(k), b.get(k))) {
                return false;
            }
        }
        return true;
    }

    private void killAtSeveralMoments(String[] runA, String[] runB, Path target, List<String> namesOfB) throws Exception {
        runToEnd(runA);
        Map<String, byte[]> setA = contents(target);
        assertFalse(setA.isEmpty());
        // the duration of run B into a scratch directory
        Path scratch = dir.resolve("scratch");
        String[] scratchB = runB.clone();
        scratchB[scratchB.length - 1] = scratch.toString();
        long t0 = System.nanoTime();
        runToEnd(scratchB);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        int sawA = 0;
        int sawB = 0;
        for (double fraction : new double[] {0.5, 0.85, 0.97}) {
            Map<String, byte[]> before = contents(target);
            Process p = start(runB);
            Thread.sleep((long) (fraction * seconds * 1000));
            p.destroyForcibly(); // SIGKILL on Unix
            p.waitFor(30, TimeUnit.SECONDS);
            Map<String, byte[]> after = contents(target);
            for (String name : after.keySet()) {
                assertFalse(name.endsWith(".tmp") || name.contains("/."), "stray temporary file " + name);
            }
            if (same(after, before)) {
                sawA += same(before, setA) ? 1 : 0;
                sawB += same(before, setA) ? 0 : 1;
            } else {
                // a new complete set: exactly B's names, nothing of A's field outputs
                assertEquals(new java.util.TreeSet<>(namesOfB), after.keySet().stream()
                        .map(n -> n.contains("/") ? n.substring(0, n.indexOf('/')) : n).collect(java.util.stream.Collectors.toCollection(
                                java.util.TreeSet::new)), "a mix of two runs' outputs: " + after.keySet());
                sawB++;
            }
        }
        assertEquals(3, sawA + sawB);
        // the next complete run removes what killed runs left next to the target
        runToEnd(runA);
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            List<String> stale = siblings.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("." + target.getFileName() + ".")).toList();
            assertTrue(stale.isEmpty(), "stale staging directories: " + stale);
        }
    }

    @Test
    void aKilledCellRunLeavesOneCompleteSet() throws Exception {
        Path a = dir.resolve("a.yaml");
        Files.writeString(a, String.join("\n", "model: SPM", "parameters: {set: marquis2019}",
                "experiment: {steps: [\"Discharge at 1C until 3.3 V\"], period: \"60 s\"}",
                "output: {plot: true, fields: true, fieldTimes: [\"10 min\"]}", ""));
        Path b = dir.resolve("b.yaml");
        // many rows, so that the kills also land while the files are written
        Files.writeString(b, String.join("\n", "model: SPM", "parameters: {set: marquis2019}",
                "experiment: {steps: [\"Discharge at 1C until 3.3 V\"], period: \"0.5 s\"}", "output: {plot: true}", ""));
        Path target = dir.resolve("out");
        killAtSeveralMoments(new String[] {"run", a.toString(), "-q", "--out", target.toString()},
                new String[] {"run", b.toString(), "-q", "--out", target.toString()}, target,
                List.of("timeseries.csv", "summary.json", "voltage.png"));
    }

    @Test
    void aKilledDepositionRunLeavesOneCompleteSet() throws Exception {
        String common = String.join("\n", "electrolyte: {conductivity: 1.48 mS/cm, transferenceNumber: 0.38, concentration: 1.49 mol/L}",
                "temperature: 25 degC", "kinetics: {exchangeCurrentDensity: 0.5 mA/cm2}",
                "domain: {width: 8 um, height: 16 um, cellsX: 16, cellsY: 32, surfaceHeight: 4 um}",
                "morphology: {type: flat}", "control: {mode: galvanostatic, currentDensity: 1 mA/cm2}", "");
        Path a = dir.resolve("da.yaml");
        Files.writeString(a, common + "time: {duration: 3 min}\noutput: {snapshotInterval: 1 min}\n");
        Path b = dir.resolve("db.yaml");
        Files.writeString(b, common + "time: {duration: 5 min}\noutput: {snapshotInterval: 5 min}\n");
        Path target = dir.resolve("dep");
        killAtSeveralMoments(new String[] {"deposit", a.toString(), "-q", "--out", target.toString()},
                new String[] {"deposit", b.toString(), "-q", "--out", target.toString()}, target,
                List.of("timeseries.csv", "snapshots", "morphology.png", "morphology_final.png"));
    }
}
