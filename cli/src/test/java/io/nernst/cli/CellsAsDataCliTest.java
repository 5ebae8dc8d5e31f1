package io.nernst.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.parameters.ParameterFiles;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.ModelRegistry;
import io.nernst.models.parameters.CellParameterSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Parameter files, `params` and `bpx` on the built-in catalog: exit codes, messages, nothing written on bad input. */
class CellsAsDataCliTest {
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
        return new Result(code, out.toString(), ProgressLines.strip(err.toString()));
    }

    private Path scenario(String parameters) throws IOException {
        Path p = dir.resolve("run.yaml");
        Files.writeString(p, "model: SPM\nparameters: " + parameters + "\n"
                + "experiment: {steps: [\"Discharge at 1C for 60 s\"]}\n"
                + "output: {dir: " + dir.resolve("out").toString().replace('\\', '/') + ", plot: false}\n");
        return p;
    }

    @Test
    void exportedSetRunsStandAloneWithTheSameValues() throws IOException {
        Result e = run("params", "export", "chen2020", "--format", "yaml", "-o", dir.resolve("chen.yaml").toString());
        assertEquals(ExitCodes.OK, e.code(), e.err());
        ParameterSet original = ModelRegistry.parameterSet("chen2020");
        ParameterSet back = ParameterFiles.read(dir.resolve("chen.yaml"), CellParameterSchema.get());
        for (String n : original.names()) {
            if (original.parameter(n).isFunction()) {
                for (double x = 0.05; x < 1; x += 0.1) {
                    double s = n.startsWith("Electrolyte") ? 3000 * x : x;
                    assertEquals(original.function(n).value(s, 300), back.function(n).value(s, 300), 0.0, n);
                }
            } else {
                assertEquals(original.value(n), back.value(n), 0.0, n);
            }
        }
        Result r = run("run", scenario("{file: chen.yaml}").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("SPM with chen.yaml"), r.out());
    }

    @Test
    void functionValuedParametersRefuseUnphysicalOverrides() throws IOException {
        Result r = run("run", scenario("{set: marquis2019}").toString(), "--set", "Electrolyte conductivity=-0.5 S/m");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("'Electrolyte conductivity'") && r.err().contains("a value > 0"), r.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void badParameterFilesExitTwoNamingFileKeyAndValueAndWriteNothing() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "parameters:\n  Electrolyte conductivity: \"0.1 + 1e-3*c - (c/1500)**2\"\n");
        Result r = run("run", scenario("{set: marquis2019, file: bad.yaml}").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("bad.yaml") && r.err().contains("'Electrolyte conductivity'") && r.err().contains("at c = "), r.err());
        Files.writeString(dir.resolve("bad.yaml"), "parameters:\n  Negative electrode OCP: \"0.2 + exp(-40*x\"\n");
        r = run("run", scenario("{set: marquis2019, file: bad.yaml}").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("never closed") && r.err().contains("^"), r.err());
        Files.writeString(dir.resolve("bad.yaml"), "parameters:\n  Negative electrode OCP: \"0.2 + exp(-40*s)\"\n");
        r = run("run", scenario("{set: marquis2019, file: bad.yaml}").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("unknown variable 's'"), r.err());
        Files.writeString(dir.resolve("bad.yaml"), "parameters:\n  Negative electrode thickness: 100 um\n");
        r = run("run", scenario("{file: bad.yaml}").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("incomplete parameter set") && r.err().contains("'Positive electrode OCP'"), r.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void exampleWithSetAndFileResolves() {
        Path example = Path.of("..", "examples", "chen2020-thick.yaml");
        io.nernst.core.scenario.Scenario s = io.nernst.core.scenario.ScenarioLoader.load(example);
        ParameterSet p = ModelCatalog.builtIn().parameters(s.parameterSet(), s.parameterFile(), s.bpxFile(), s.overrides());
        assertEquals(90e-6, p.value("Positive electrode thickness"), 1e-18);
        assertEquals(85.2e-6, p.value("Negative electrode thickness"), 1e-18);
        double k = p.function("Electrolyte conductivity").value(1000, 308.15);
        assertEquals((0.1297 - 2.51 + 3.329) * Math.exp(17100 / 8.314462618 * (1 / 298.15 - 1 / 308.15)), k, 1e-12);
    }

    @Test
    void paramsListShowAndBpxExport() {
        Result l = run("params", "list");
        assertEquals(ExitCodes.OK, l.code());
        assertTrue(l.out().contains("marquis2019") && l.out().contains("chen2020") && l.out().contains("ecker2015"), l.out());
        Result s = run("params", "show", "chen2020");
        assertEquals(ExitCodes.OK, s.code(), s.err());
        assertTrue(s.out().contains("Negative electrode thickness = 8.52E-5 m    # Chen2020 Table VII"), s.out());
        assertTrue(s.out().contains("Electrolyte conductivity = f(c, T) = 0.1297*(c/1000)**3"), s.out());
        Result b = run("params", "export", "marquis2019", "--format", "bpx");
        assertEquals(ExitCodes.OK, b.code(), b.err());
        assertTrue(b.out().contains("\"Transport efficiency\"") && b.out().contains("(1e-3*x)"), b.out());
        Result u = run("params", "show", "chen2021");
        assertEquals(ExitCodes.BAD_INPUT, u.code());
        assertTrue(u.err().contains("did you mean 'chen2020'"), u.err());
    }

    @Test
    void bpxValidateOnABrokenFileExitsTwoAndWritesNothing() throws IOException {
        Files.writeString(dir.resolve("cell.json"), "{\"Header\": {\"BPX\": \"0.1.0\", \"Model\": \"DFN\"}, \"Parameterisation\": {}}");
        Result r = run("bpx", "validate", dir.resolve("cell.json").toString(), "-o", dir.resolve("v").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("cell.json") && r.err().contains("missing section 'Cell'"), r.err());
        assertFalse(Files.exists(dir.resolve("v")));
    }
}
