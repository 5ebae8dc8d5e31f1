package io.nernst.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.analysis.Circuit;
import io.nernst.core.impedance.Frequencies;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nernst analyze}: ECM and DRT on a spectrum file, clean errors with exit code 2. */
class AnalyzeCommandTest {
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

    /** A noise-free seed-001 spectrum written as a cycler might: Zre in mOhm, -Zim in mOhm. */
    private Path spectrum() throws IOException {
        Circuit c = Circuit.parse("seed001");
        double[] p = {0.05, 0.1, 1e-3, 0.85, 0.3, 1.0, 0.75, 0.05};
        StringBuilder s = new StringBuilder("freq [Hz];Zre;-Zim\n");
        double[] z = new double[2];
        for (double f : Frequencies.logarithmic(1e6, 1e-2, 10)) {
            c.impedance(f, p, z);
            s.append(String.format(Locale.ROOT, "%.10g;%.10g;%.10g%n", f, 1e3 * z[0], -1e3 * z[1]));
        }
        Path file = dir.resolve("eis.csv");
        Files.writeString(file, s.toString());
        return file;
    }

    @Test
    void fitsTheSeedCircuitFromAMappedFile() throws IOException {
        Path file = spectrum();
        Result r = run("analyze", "ecm", file.toString(), "--circuit", "seed001", "--frequency", "freq",
                "--real", "Zre[mOhm]", "--imaginary", "-Zim[mOhm]", "--negative-imaginary", "--out", dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("converged"), r.out());
        assertTrue(r.out().matches("(?s).*R1\\s+0\\.1000.*"), r.out());
        assertTrue(Files.exists(dir.resolve("out/ecm.csv")) && Files.exists(dir.resolve("out/ecm-residuals.png")));
        Result d = run("analyze", "drt", file.toString(), "--frequency", "freq", "--real", "Zre[mOhm]",
                "--imaginary", "-Zim[mOhm]", "--negative-imaginary");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("Kramers-Kronig") && d.out().contains("peak"), d.out());
    }

    @Test
    void badInputExitsWithTwo() throws IOException {
        Path file = spectrum();
        Result r = run("analyze", "ecm", file.toString(), "--circuit", "R0-p(R1,X1)", "--frequency", "freq",
                "--real", "Zre[mOhm]", "--imaginary", "-Zim[mOhm]");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown element 'X1'") && r.err().contains("^^"), r.err());
        r = run("analyze", "ecm", file.toString(), "--circuit", "R0", "--frequency", "frq");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no column 'frq'") && r.err().contains("did you mean 'freq [Hz]'"), r.err());
        r = run("analyze", "ecm", file.toString(), "--circuit", "R0", "--frequency", "freq", "--real", "Zre",
                "--imaginary", "-Zim[mOhm]");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("has no unit"), r.err());
        r = run("analyze", "ecm", file.toString(), "--circuit", "R0", "--frequency", "freq", "--real", "Zre[mV]",
                "--imaginary", "-Zim[mOhm]");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not a resistance unit"), r.err());
        r = run("analyze", "gitt", file.toString(), "--radius", "5 V");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("particle radius"), r.err());
    }
}
