package io.nernst.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nernst deposit}: a small run end to end, and one clean message per kind of bad input. */
class DepositCommandTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = NernstCommand.commandLine(new TestCatalog());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path scenario(String... extra) throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "description: small bump",
                "electrolyte: {conductivity: 1.48 mS/cm, transferenceNumber: 0.38, concentration: 1.49 mol/L}",
                "kinetics: {exchangeCurrentDensity: 0.5 mA/cm2}",
                "domain: {width: 8 um, height: 16 um, cellsX: 32, cellsY: 64, surfaceHeight: 3 um}",
                "control: {mode: galvanostatic, currentDensity: 3 mA/cm2}",
                "time: {duration: 5 min}",
                "output: {dir: " + dir.resolve("ignored").toString().replace('\\', '/') + ", snapshotInterval: 100 s}"));
        boolean hasMorphology = false;
        for (String e : extra) {
            if (e.startsWith("morphology")) {
                hasMorphology = true;
            }
            String key = e.substring(0, e.indexOf(':'));
            lines.removeIf(l -> l.startsWith(key + ":"));
            lines.add(e);
        }
        if (!hasMorphology) {
            lines.add("morphology: {type: bump, x: 4 um, radius: 1.5 um}");
        }
        Path p = dir.resolve("scenario.yaml");
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    @Test
    void runsAScenarioAndWritesTheOutputs() throws IOException {
        Path out = dir.resolve("out");
        Result r = run("deposit", scenario().toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("stopped: END_TIME"), r.out());
        assertTrue(r.out().contains("vs Faraday"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("timeseries.csv"));
        assertTrue(csv.get(0).startsWith("Time [s],Max height [m],Mean height [m]"), csv.get(0));
        assertEquals(300.0, Double.parseDouble(csv.get(csv.size() - 1).split(",")[0]), 1e-6);
        assertTrue(Files.exists(out.resolve("snapshots/levelset_0000.png")));
        assertTrue(Files.exists(out.resolve("snapshots/current_0003.png")));
        assertTrue(Files.exists(out.resolve("morphology.png")));
        assertFalse(Files.exists(dir.resolve("ignored")), "--out overrides output.dir");
    }

    @Test
    void wallTimeBudgetStopsCleanlyKeepingOutputs() throws IOException {
        Path out = dir.resolve("out");
        Result r = run("deposit", scenario("time: {duration: 10 h, wallTimeBudget: 1 ms}").toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("stopped: WALL_TIME"), r.out());
        assertTrue(Files.exists(out.resolve("timeseries.csv")));
        assertTrue(Files.exists(out.resolve("morphology_final.png")));
    }

    private void assertBadInput(Result r, String... parts) {
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("nernst: "), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug:\n" + r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "'" + p + "' missing in " + r.err());
        }
    }

    @Test
    void badInputGivesOneMessageNamingKeyValueAndRange() throws IOException {
        assertBadInput(run("deposit", scenario("control: {mode: galvanostatic, currentDensity: -1 mA/cm2}").toString()),
                "control.currentDensity", "-10.0", "> 0");
        assertBadInput(run("deposit", scenario("electrolyte: {concentration: 0 mol/L}").toString()),
                "electrolyte.concentration", "> 0");
        assertBadInput(run("deposit", scenario("morphology: {type: bump, x: 12 um, radius: 1 um}").toString()),
                "morphology.bumps[0].x", "outside the domain");
        assertBadInput(run("deposit", scenario("domain: {width: 8 um, height: 16 um, cellsX: 32, cellsY: 64, "
                + "surfaceHeight: 3 um, interfaceWidth: 0.1 um}").toString()), "domain.interfaceWidth", "grid spacing");
        assertBadInput(run("deposit", scenario("kinetics: {exchangeCurrentDensity: 0.5 mA}").toString()),
                "kinetics.exchangeCurrentDensity", "current density");
        assertBadInput(run("deposit", scenario("kinetics: {exchangeCurentDensity: 0.5 mA/cm2}").toString()),
                "unknown key 'kinetics.exchangeCurentDensity'", "did you mean 'kinetics.exchangeCurrentDensity'");
        assertBadInput(run("deposit", scenario("control: {mode: sideways}").toString()), "control.mode", "galvanostatic");
        assertBadInput(run("deposit", dir.resolve("missing.yaml").toString()), "no such file");
    }
}
