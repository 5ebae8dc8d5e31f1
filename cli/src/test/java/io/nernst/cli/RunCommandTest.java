package io.nernst.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line on a test catalog: exit codes and messages for good and bad input. */
class RunCommandTest {

    @TempDir
    Path dir;

    /** Result of one command. */
    record Result(int code, String out, String err) {
        /** The error output must be one message, without a stack trace. */
        void assertOneCleanMessage() {
            assertFalse(err.contains("\tat "), "no stack trace without --debug:\n" + err);
            assertTrue(err.startsWith("nernst: "), err);
        }
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = NernstCommand.commandLine(new TestCatalog());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), ProgressLines.strip(err.toString()));
    }

    private Path scenario(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    private Path good(String... extra) throws IOException {
        String[] base = {
            "model: ECM",
            "parameters: {set: ecm-test, overrides: {\"Series resistance\": \"10 mohm\"}}",
            "experiment: {steps: [\"Discharge at 1C until 3.5 V\", \"Rest for 10 minutes\"], period: 30 s}",
            "output: {dir: " + dir.resolve("out").toString().replace('\\', '/') + "}",
        };
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return scenario("good.yaml", all);
    }

    @Test
    void runWritesOutputsAndSaysWhichLimitEndedEachStep() throws IOException {
        Result r = run("run", good().toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("voltage limit 3.5 V reached"), r.out());
        assertTrue(r.out().contains("time limit 600 s reached"), r.out());
        assertTrue(r.out().contains("completed"), r.out());
        Path out = dir.resolve("out");
        for (String f : List.of("timeseries.csv", "summary.json", "voltage.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("COMPLETED", json.get("status").asText());
        assertEquals("ecm-test", json.get("parameterSet").asText());
        assertEquals("10 mohm", json.get("overrides").get("Series resistance").asText());
        assertEquals("VOLTAGE_LIMIT", json.get("steps").get(0).get("end").asText());
        // 1C from soc 1 with 50 mOhm total drop at 2 A: cut-off near 0.65 V / 1.2 V per unit soc, i.e. about 1.08 A.h
        double capacity = json.get("steps").get(0).get("capacityAh").asDouble();
        assertEquals(2.0 * 0.65 / 1.2, capacity, 2e-3);
        List<String> csv = Files.readAllLines(out.resolve("timeseries.csv"));
        assertTrue(csv.get(0).startsWith("Time [s],Cycle,Step,Current [A],Voltage [V]"), csv.get(0));
    }

    @Test
    void summaryRecordsTheLinearSolverThatRan() throws IOException {
        Result r = run("run", good().toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
        assertEquals("default", json.get("settings").get("solver").get("linearSolver").asText());
        // "default" leaves the choice to the integrator; the summary names what it chose
        String chosen = json.get("solverStatistics").get("linearSolver").asText();
        assertTrue(List.of("dense-lu", "banded-lu", "sparse-lu").contains(chosen), chosen);
        assertTrue(r.out().contains("linear solver " + chosen), r.out());

        Result sparse = run("run", good("solver: {linearSolver: sparse}").toString());
        assertEquals(ExitCodes.OK, sparse.code(), sparse.err());
        json = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
        assertEquals("sparse", json.get("settings").get("solver").get("linearSolver").asText());
        assertEquals("sparse-lu", json.get("solverStatistics").get("linearSolver").asText());
        assertTrue(sparse.out().contains("linear solver sparse-lu"), sparse.out());
    }

    @Test
    void outOptionAndSetOverride() throws IOException {
        Path other = dir.resolve("elsewhere");
        Result r = run("run", good().toString(), "--out", other.toString(), "--set", "Nominal cell capacity=1000 mAh", "-q");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("", r.out(), "quiet prints nothing");
        JsonNode json = new ObjectMapper().readTree(other.resolve("summary.json").toFile());
        assertEquals(1.0, json.get("settings").get("nominalCapacityAh").asDouble(), 0.0);
        assertEquals("1000 mAh", json.get("overrides").get("Nominal cell capacity").asText());
    }

    @Test
    void unknownParameterSuggestsClosest() throws IOException {
        Result r = run("run", good().toString(), "--set", "Negative electrode thicknes=60 um");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        r.assertOneCleanMessage();
        assertTrue(r.err().contains("unknown parameter 'Negative electrode thicknes'"), r.err());
        assertTrue(r.err().contains("did you mean 'Negative electrode thickness'"), r.err());
    }

    @Test
    void negativeThickness() throws IOException {
        Result r = run("run", good().toString(), "--set", "Negative electrode thickness=-60 um");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        r.assertOneCleanMessage();
        assertTrue(r.err().contains("'Negative electrode thickness' = '-60 um' (-6.0E-5 m) is not allowed: expected a value > 0"), r.err());
    }

    @Test
    void porosityOutsideUnitInterval() throws IOException {
        Result r = run("run", good().toString(), "--set", "Negative electrode porosity=1.3");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        r.assertOneCleanMessage();
        assertTrue(r.err().contains("expected a fraction in (0, 1]"), r.err());
    }

    @Test
    void stoichiometryOutsideUnitInterval() throws IOException {
        Result r = run("run", good().toString(), "--set", "Initial state of charge=1.5");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        r.assertOneCleanMessage();
        assertTrue(r.err().contains("expected a number in [0, 1]"), r.err());
    }

    @Test
    void unknownUnit() throws IOException {
        Result r = run("run", good().toString(), "--set", "Negative electrode thickness=60 furlong");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        r.assertOneCleanMessage();
        assertTrue(r.err().contains("unknown unit 'furlong'"), r.err());
        Result d = run("run", good().toString(), "--set", "Negative electrode thickness=60 mA");
        assertEquals(ExitCodes.BAD_INPUT, d.code());
        assertTrue(d.err().contains("needs a length (m)"), d.err());
    }

    @Test
    void dimensionalParameterWithoutUnitIsRejected() throws IOException {
        Result r = run("run", good().toString(), "--set", "Negative electrode thickness=60");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        r.assertOneCleanMessage();
        assertEquals("nernst: parameter 'Negative electrode thickness' = '60' needs a unit: a length such as '60 um'\n", r.err());
        Result capacity = run("run", good().toString(), "--set", "Nominal cell capacity=2");
        assertEquals(ExitCodes.BAD_INPUT, capacity.code());
        assertTrue(capacity.err().contains("'2' needs a unit: a charge such as '2 A.h'"), capacity.err());
        // dimensionless parameters keep taking plain numbers
        Result porosity = run("run", good().toString(), "--set", "Negative electrode porosity=0.35", "-q");
        assertEquals(ExitCodes.OK, porosity.code(), porosity.err());
    }

    @Test
    void unreadableYamlNamesFileAndLine() throws IOException {
        Path bad = scenario("bad.yaml", "model: ECM", "parameters: {set: ecm-test", "experiment: {steps: [\"Rest for 1 h\"]}");
        Result r = run("run", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        r.assertOneCleanMessage();
        assertTrue(r.err().contains("unreadable YAML in " + bad) && r.err().contains("line 3"), r.err());
    }

    @Test
    void malformedSentenceShowsCaret() throws IOException {
        Path bad = scenario("bad.yaml", "model: ECM", "parameters: {set: ecm-test}", "experiment: {steps: [\"Discharge at 1C untill 3.5 V\"]}");
        Result r = run("run", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        r.assertOneCleanMessage();
        assertTrue(r.err().contains("did you mean 'until'?\n  Discharge at 1C untill 3.5 V\n                  ^^^^^^"), r.err());
    }

    @Test
    void unknownKeyModelAndSet() throws IOException {
        Result key = run("run", good("solvr: {rtol: 1e-6}").toString());
        assertEquals(ExitCodes.BAD_INPUT, key.code());
        key.assertOneCleanMessage();
        assertTrue(key.err().contains("did you mean 'solver'"), key.err());
        Path model = scenario("m.yaml", "model: DFM", "parameters: {set: ecm-test}", "experiment: {steps: [\"Rest for 1 h\"]}");
        Result m = run("run", model.toString());
        assertEquals(ExitCodes.BAD_INPUT, m.code());
        assertTrue(m.err().contains("unknown model 'DFM'"), m.err());
        Path set = scenario("s.yaml", "model: ECM", "parameters: {set: nope}", "experiment: {steps: [\"Rest for 1 h\"]}");
        Result s = run("run", set.toString());
        assertEquals(ExitCodes.BAD_INPUT, s.code());
        assertTrue(s.err().contains("unknown parameter set 'nope'"), s.err());
    }

    @Test
    void missingFileAndBadSetSyntax() throws IOException {
        Result r = run("run", dir.resolve("absent.yaml").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        r.assertOneCleanMessage();
        assertTrue(r.err().contains("absent.yaml: no such file"), r.err());
        Result s = run("run", good().toString(), "--set", "no equals sign");
        assertEquals(ExitCodes.BAD_INPUT, s.code());
        assertTrue(s.err().contains("--set expects NAME=VALUE"), s.err());
    }

    @Test
    void debugPrintsTheStackTrace() throws IOException {
        Result r = run("run", good().toString(), "--set", "Negative electrode porosity=1.3", "--debug");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void solverFailureWritesWhatWasComputed() throws IOException {
        Path p = scenario("broken.yaml", "model: BROKEN", "parameters: {set: ecm-test}",
                "experiment: {steps: [\"Discharge at 1C until 3.0 V\"]}",
                "output: {dir: " + dir.resolve("broken").toString().replace('\\', '/') + "}");
        Result r = run("run", p.toString());
        assertEquals(ExitCodes.SOLVER_FAILURE, r.code());
        r.assertOneCleanMessage();
        assertTrue(r.err().contains("solver failure at t = ") && r.err().contains("in step 1"), r.err());
        assertTrue(r.out().contains("stopped by solver failure"), r.out());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("broken/summary.json").toFile());
        assertEquals("SOLVER_FAILURE", json.get("status").asText());
        // the integrator's statistics up to the failure are kept (they were reported as zero before)
        assertTrue(json.get("solverStatistics").get("steps").asLong() > 10, json.get("solverStatistics").toString());
        assertTrue(json.get("solverStatistics").get("newtonIterations").asLong() > 10, json.get("solverStatistics").toString());
        assertTrue(Files.readAllLines(dir.resolve("broken/timeseries.csv")).size() > 2);
    }

    @Test
    void aBugInAModelIsAnInternalErrorNotASolverFailure() throws IOException {
        Path p = scenario("buggy.yaml", "model: BUGGY", "parameters: {set: ecm-test}",
                "experiment: {steps: [\"Discharge at 1C until 3.0 V\"]}",
                "output: {dir: " + dir.resolve("buggy").toString().replace('\\', '/') + "}");
        Result r = run("run", p.toString());
        assertEquals(ExitCodes.INTERNAL_ERROR, r.code());
        r.assertOneCleanMessage();
        assertTrue(r.err().contains("internal error: java.lang.NullPointerException") && r.err().contains("please report"), r.err());
        Result debug = run("run", p.toString(), "--debug");
        assertEquals(ExitCodes.INTERNAL_ERROR, debug.code());
        assertTrue(debug.err().contains("\tat io.nernst.cli.TestCatalog"), debug.err());
    }

    @Test
    void anUnexpectedIllegalArgumentExceptionIsNotBadInput() {
        // only the project's input exceptions are exit 2; a bare IllegalArgumentException is a bug
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.nernst.core.error.Failures.report(new IllegalArgumentException("index -1"), new java.io.PrintWriter(err), false);
        assertEquals(ExitCodes.INTERNAL_ERROR, code);
        assertTrue(err.toString().startsWith("nernst: internal error: java.lang.IllegalArgumentException: index -1"), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, io.nernst.core.error.Failures.report(
                new io.nernst.core.parameters.ParameterException("p = -1 is not allowed"), new java.io.PrintWriter(err), false));
    }

    @Test
    void usageErrorsCarryThePrefix() {
        Result r = run("run", "--no-such-option", "x.yaml");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().startsWith("nernst: Unknown option: '--no-such-option'"), r.err());
        assertTrue(r.err().contains("try 'nernst run --help'"), r.err());
    }

    @Test
    void unwritableOutputDirectory() throws IOException {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a directory");
        Result r = run("run", good().toString(), "--out", file.resolve("sub").toString());
        assertEquals(ExitCodes.OUTPUT_ERROR, r.code());
        r.assertOneCleanMessage();
        // refused before the run: the staging directory next to the target cannot be made
        assertTrue(r.err().contains("cannot create the output directory next to " + file.resolve("sub")), r.err());
        assertTrue(r.out().isEmpty(), "nothing was run: " + r.out());
    }

    @Test
    void anOutputDirectoryHoldingTheUsersFilesIsNotReplaced() throws IOException {
        Path mine = dir.resolve("results");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("thesis.tex"), "keep me");
        Result r = run("run", good().toString(), "--out", mine.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("holds 1 file that nernst did not write (e.g. 'thesis.tex')"), r.err());
        assertEquals("keep me", Files.readString(mine.resolve("thesis.tex")));
    }

    @Test
    void usageErrors() {
        Result none = run();
        assertEquals(ExitCodes.BAD_INPUT, none.code());
        assertTrue(none.err().contains("missing command"), none.err());
        assertEquals(ExitCodes.BAD_INPUT, run("run").code());
        assertEquals(ExitCodes.BAD_INPUT, run("run", "x.yaml", "--frobnicate").code());
        assertEquals(ExitCodes.BAD_INPUT, run("frobnicate").code());
        Result help = run("--help");
        assertEquals(ExitCodes.OK, help.code());
        assertTrue(help.out().contains("run") && help.out().contains("Exit codes"), help.out());
    }
}
