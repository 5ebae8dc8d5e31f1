package io.nernst.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nernst.core.scenario.Scenario;
import io.nernst.core.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Real models through the command line: the shipped examples run and their outputs hold together. */
class EndToEndTest {

    /** Tests run in the module directory; the examples are one level up. */
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = NernstCommand.commandLine(ModelCatalog.builtIn());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private JsonNode runExample(String file) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path target = dir.resolve(file);
        int code = run(out, err, "run", EXAMPLES.resolve(file).toString(), "--out", target.toString());
        assertEquals(ExitCodes.OK, code, err.toString());
        assertTrue(err.toString().startsWith("simulating"), "progress line expected:\n" + err);
        assertEquals("", ProgressLines.strip(err.toString()));
        for (String f : List.of("timeseries.csv", "summary.json", "voltage.png")) {
            assertTrue(Files.size(target.resolve(f)) > 0, f);
        }
        return new ObjectMapper().readTree(target.resolve("summary.json").toFile());
    }

    /** Columns of a timeseries.csv by header name. */
    private static java.util.Map<String, double[]> columns(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        java.util.Map<String, double[]> out = new java.util.LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            double[] v = new double[lines.size() - 1];
            for (int r = 1; r < lines.size(); r++) {
                v[r - 1] = Double.parseDouble(lines.get(r).split(",")[c]);
            }
            out.put(header[c], v);
        }
        return out;
    }

    /**
     * The discharge capacity written by the loop (the time integral of I, Gauss-Legendre on the
     * dense output) against the lithium the positive particles took up, F eps_s,p L_p A c_max,p
     * (x_p(end) - x_p(0)) / 3600 (Marquis 2019: eps_s,p = 0.5, L_p = 100 um, c_max,p =
     * 51217.93 mol/m3): two independent computations that disagree if the quadrature, the particle
     * flux or the stoichiometry output is wrong. Measured: 7e-16 (1C DFN) and 3e-15 (SPM) relative, a
     * linear invariant BDF keeps to round-off; 5.4e-7 over the CC-CV cycles. Tolerance 5e-6 relative.
     */
    private static void assertCapacityMatchesPositiveLithium(Path csv, double area) throws IOException {
        java.util.Map<String, double[]> c = columns(csv);
        double[] xp = c.get("Positive electrode stoichiometry");
        double[] q = c.get("Discharge capacity [A.h]");
        double fromLithium = 96485.33212 * 0.5 * 1e-4 * area * 51217.9257309275 * (xp[xp.length - 1] - xp[0]) / 3600.0;
        double written = q[q.length - 1];
        assertEquals(fromLithium, written, 5e-6 * Math.max(1.0, Math.abs(fromLithium)), "capacity vs positive-electrode lithium");
    }

    /**
     * The voltage of the CLI run against COMSOL's 1C discharge (vendored under validation/data),
     * interpolated linearly from the 10 s output grid to COMSOL's 200 times.
     */
    private static double voltageRmsAgainstComsolMillivolts(Path csv) throws IOException {
        java.util.Map<String, double[]> c = columns(csv);
        double[] t = c.get("Time [s]");
        double[] v = c.get("Voltage [V]");
        List<String> ref = Files.readAllLines(Path.of("..", "validation", "data", "comsol-marquis2019", "voltage_1C.csv"));
        double sum = 0;
        int m = 0;
        for (String line : ref.subList(1, ref.size())) {
            String[] f = line.split(",");
            double tr = Double.parseDouble(f[0]);
            if (tr > t[t.length - 1]) {
                continue;
            }
            int k = 1;
            while (t[k] < tr) {
                k++;
            }
            double w = (tr - t[k - 1]) / (t[k] - t[k - 1]);
            double ours = (1 - w) * v[k - 1] + w * v[k];
            double e = ours - Double.parseDouble(f[1]);
            sum += e * e;
            m++;
        }
        assertTrue(m >= ref.size() - 2, "compared " + m + " of " + (ref.size() - 1) + " COMSOL points");
        return Math.sqrt(sum / m) * 1e3;
    }

    @Test
    void marquisDfnOneC() throws IOException {
        JsonNode s = runExample("marquis2019-1C.yaml");
        assertEquals("COMPLETED", s.get("status").asText());
        assertEquals("DFN", s.get("model").asText());
        JsonNode step = s.get("steps").get(0);
        assertEquals("VOLTAGE_LIMIT", step.get("end").asText());
        assertEquals("voltage limit 3.105 V reached", step.get("reason").asText());
        assertEquals(3.105, step.get("endVoltageV").asDouble(), 1e-6);
        Path csv = dir.resolve("marquis2019-1C.yaml/timeseries.csv");
        assertCapacityMatchesPositiveLithium(csv, s.get("settings").get("electrodeAreaM2").asDouble());
        // the physics through the shipped command: voltage against COMSOL at 1C (measured 0.412 mV RMS on
        // the 10 s output grid), limit as the validation's 1.0 mV
        double rms = voltageRmsAgainstComsolMillivolts(csv);
        assertTrue(rms < 1.0, "CLI 1C voltage RMS against COMSOL " + rms + " mV");
        // the output period of 10 s gives one row every 10 s plus the final one
        List<String> rows = Files.readAllLines(dir.resolve("marquis2019-1C.yaml/timeseries.csv"));
        double duration = step.get("durationSeconds").asDouble();
        assertEquals(1 + 1 + (int) Math.ceil(duration / 10), rows.size());
        assertEquals(953, s.get("settings").get("unknowns").asInt(), "31/11/31 x 11 DFN");
    }

    @Test
    void spmQuick() throws IOException {
        JsonNode s = runExample("spm-quick.yaml");
        JsonNode steps = s.get("steps");
        assertEquals("VOLTAGE_LIMIT", steps.get(0).get("end").asText());
        assertEquals("TIME_LIMIT", steps.get(1).get("end").asText());
        assertEquals(0.0, steps.get(1).get("capacityAh").asDouble(), 0.0);
        assertCapacityMatchesPositiveLithium(dir.resolve("spm-quick.yaml/timeseries.csv"), s.get("settings").get("electrodeAreaM2").asDouble());
        // the voltage relaxes upwards during the rest after a discharge
        assertTrue(steps.get(1).get("endVoltageV").asDouble() > steps.get(1).get("startVoltageV").asDouble());
        assertEquals("90 um", s.get("overrides").get("Negative electrode thickness").asText());
    }

    @Test
    void cyclingCccv() throws IOException {
        JsonNode s = runExample("cycling-cccv.yaml");
        JsonNode steps = s.get("steps");
        assertEquals(10, steps.size());
        String[] ends = {"VOLTAGE_LIMIT", "CURRENT_LIMIT", "TIME_LIMIT", "VOLTAGE_LIMIT", "TIME_LIMIT"};
        double total = 0;
        for (int i = 0; i < 10; i++) {
            assertEquals(ends[i % 5], steps.get(i).get("end").asText(), steps.get(i).get("reason").asText());
            // numbered from 1, as in the printed summary
            assertEquals(i + 1, steps.get(i).get("index").asInt());
            assertEquals(i / 5 + 1, steps.get(i).get("cycle").asInt());
            total += steps.get(i).get("capacityAh").asDouble();
        }
        // timeseries.csv numbers cycles and steps the same way: rows of step k lie between its start and end times
        List<String> rows = Files.readAllLines(dir.resolve("cycling-cccv.yaml/timeseries.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        int cycleColumn = header.indexOf("Cycle");
        int stepColumn = header.indexOf("Step");
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            int step = Integer.parseInt(c[stepColumn]);
            int cycle = Integer.parseInt(c[cycleColumn]);
            assertEquals((step - 1) / 5 + 1, cycle, row);
            double t = Double.parseDouble(c[0]);
            JsonNode summary = steps.get(step - 1);
            double start = summary.get("startTimeSeconds").asDouble();
            assertTrue(t >= start - 1e-9 && t <= start + summary.get("durationSeconds").asDouble() + 1e-9, row);
            seen.add(cycle + "/" + step);
        }
        assertEquals(10, seen.size(), "every step has rows: " + seen);
        assertTrue(seen.contains("1/1") && seen.contains("2/10"), seen.toString());
        // the hold ends at C/20 and the charge is stored, the discharge gives it back
        double nominal = s.get("settings").get("nominalCapacityAh").asDouble();
        assertEquals(-nominal / 20, steps.get(1).get("endCurrentA").asDouble(), 1e-6 * nominal);
        assertEquals(total, s.get("totals").get("dischargeCapacityAh").asDouble(), 1e-9);
        assertCapacityMatchesPositiveLithium(dir.resolve("cycling-cccv.yaml/timeseries.csv"), s.get("settings").get("electrodeAreaM2").asDouble());
        // second cycle starts where the first ended: same charge passed in both discharges to 0.1 %
        double d1 = steps.get(3).get("capacityAh").asDouble();
        double d2 = steps.get(8).get("capacityAh").asDouble();
        assertEquals(d1, d2, 1e-3 * d1);
    }

    @Test
    void everyExampleLoads() throws IOException {
        try (var files = Files.list(EXAMPLES)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertTrue(yaml.size() >= 3);
            for (Path p : yaml) {
                Scenario s = ScenarioLoader.load(p);
                assertTrue(ModelCatalog.builtIn().modelNames().stream().anyMatch(m -> m.equalsIgnoreCase(s.model())), p.toString());
                ModelCatalog.builtIn().parameterSet(s.parameterSet());
            }
        }
    }

    @Test
    void unknownMarquisParameterSuggestsTheRealName() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "run", EXAMPLES.resolve("spm-quick.yaml").toString(), "--out", dir.toString(),
                "--set", "Negative electrod thickness=60 um");
        assertEquals(ExitCodes.BAD_INPUT, code);
        assertTrue(err.toString().contains("did you mean 'Negative electrode thickness'"), err.toString());
        assertTrue(!err.toString().contains("\tat "));
    }

    /** The long model form and a temperature run through the command line; 0 degC costs capacity. */
    @Test
    void componentsAndTemperatureFromTheScenario() throws IOException {
        JsonNode cold = runExample("marquis2019-components-0degC.yaml");
        assertEquals("COMPLETED", cold.get("status").asText());
        assertEquals("DFN {electrolyte: binary, negative: porous, kinetics: asymmetric, particle.shells: 15,"
                + " particle.surfaceRefinement: 1.5, thermal: isothermal}", cold.get("settings").get("model").asText());
        assertEquals(273.15, cold.get("settings").get("temperatureK").asDouble(), 1e-12);
        // 31/11/31 cells, 15 shells: 62 x (15 + 1 + 3) + 11 x 2 + 1 unknowns
        assertEquals(62 * 19 + 22 + 1, cold.get("settings").get("unknowns").asInt());
        JsonNode warm = runExample("marquis2019-1C.yaml");
        double coldCapacity = cold.get("steps").get(0).get("capacityAh").asDouble();
        double warmCapacity = warm.get("steps").get(0).get("capacityAh").asDouble();
        // Slower electrolyte and solid diffusion at 0 degC (activation energies 17-42 kJ/mol) end the discharge earlier.
        assertTrue(coldCapacity < 0.97 * warmCapacity, coldCapacity + " A.h at 0 degC vs " + warmCapacity + " at 25 degC");
    }

    private String refusedScenario(String model, String extra) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "model: " + model + "\n" + extra + "parameters: {set: marquis2019}\n"
                + "experiment: {steps: [\"Discharge at 1C until 3.105 V\"]}\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "run", file.toString(), "--out", dir.resolve("bad").toString());
        assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
        assertTrue(!err.toString().contains("\tat "));
        return err.toString();
    }

    @Test
    void badComponentsExitTwoNamingKeyAndAllowedValues() throws IOException {
        String typo = refusedScenario("{type: DFN, negative: lithium-metl}", "");
        assertTrue(typo.contains("model.negative = 'lithium-metl'") && typo.contains("did you mean 'lithium-metal'")
                && typo.contains("porous, lithium-metal, lithium-indium"), typo);
        String combination = refusedScenario("{type: SPM, negative: lithium-indium}", "");
        assertTrue(combination.contains("model.negative = 'lithium-indium' is not allowed with SPM: allowed porous"), combination);
        String singleIon = refusedScenario("{type: DFN, electrolyte: single-ion}", "");
        assertTrue(singleIon.contains("'Electrolyte conductivity'"), singleIon);
        String thermal = refusedScenario("{type: DFN, thermal: lumped}", "");
        assertTrue(thermal.contains("'Cell specific heat capacity'") && thermal.contains("thermal: isothermal"), thermal);
        String key = refusedScenario("{type: DFN, termal: lumped}", "");
        assertTrue(key.contains("'model.termal'") && key.contains("did you mean 'model.thermal'"), key);
        String bare = refusedScenario("DFN", "temperature: 25\n");
        assertTrue(bare.contains("temperature = '25' is not allowed") && bare.contains("degC"), bare);
        String frozen = refusedScenario("DFN", "temperature: -150 degC\n");
        assertTrue(frozen.contains("-100 degC to 200 degC"), frozen);
    }

    /** Two runs of one scenario are byte-identical apart from the wall time (issue 13, item 6). */
    @Test
    void twoRunsOfTheSameScenarioAreByteIdenticalApartFromWallTime() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        for (Path target : List.of(first, second)) {
            int code = run(new StringWriter(), new StringWriter(), "run", EXAMPLES.resolve("spm-quick.yaml").toString(), "-q",
                    "--out", target.toString());
            assertEquals(ExitCodes.OK, code);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(first.resolve("timeseries.csv")),
                Files.readAllBytes(second.resolve("timeseries.csv")));
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode a = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                first.resolve("summary.json").toFile());
        com.fasterxml.jackson.databind.node.ObjectNode b = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                second.resolve("summary.json").toFile());
        a.remove("wallTimeSeconds");
        b.remove("wallTimeSeconds");
        assertEquals(a, b);
    }
}
