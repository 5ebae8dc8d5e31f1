package io.nernst.core.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nernst.core.simulation.FieldSnapshot;
import io.nernst.core.simulation.Solution;
import io.nernst.core.simulation.StepEnd;
import io.nernst.core.simulation.StepSummary;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputsTest {

    /** Two steps of a made-up run: a discharge then a rest, with one model output. */
    private static Solution sample() {
        Solution s = new Solution("ECM", List.of("Voltage [V]", "State of charge, x"));
        for (int i = 0; i <= 10; i++) {
            double t = 36.0 * i;
            s.append(new double[] {t, 0, 0, 1.0, 4.0 - 0.1 * i, 4.0 - 0.1 * i, t / 3600, 0.0}, new double[] {9.9, 1 - t / 3600});
        }
        for (int i = 1; i <= 3; i++) {
            double t = 360 + 10.0 * i;
            s.append(new double[] {t, 0, 1, 0.0, 3.2, 0.0, 0.1, 0.0}, new double[] {9.9, 0.9});
        }
        s.addStep(new StepSummary(0, 0, "Discharge at 1 A until 3.0 V", 0, 360, 0.1, 0.35, 4.0, 3.0, 1.0,
                StepEnd.VOLTAGE_LIMIT, "voltage limit 3.0 V reached", 10));
        s.addStep(new StepSummary(1, 0, "Rest for 30 s", 360, 390, 0, 0, 3.0, Double.NaN, 0,
                StepEnd.TIME_LIMIT, "time limit", 3));
        s.addSnapshot(new FieldSnapshot(360, 0, "c, with comma [mol.m-3]", "x [m]", new double[] {0, 1}, new double[] {5, 6}));
        s.statistics().add(13, 1, 20, 40, 3, 3);
        s.wallTime(0.25);
        return s;
    }

    private static RunInfo info() {
        return new RunInfo("ECM", "test-set", Map.of("Capacity", "2 A.h"), List.of("Discharge at 1 A until 3.0 V", "Rest for 30 s"),
                Map.of("mesh", Map.of("negative", 31)));
    }

    @Test
    void writesAllFiles(@TempDir Path dir) throws IOException {
        Solution s = sample();
        assertEquals(List.of("Time [s]", "Cycle", "Step", "Current [A]", "Voltage [V]", "Power [W]",
                "Discharge capacity [A.h]", "Discharge energy [W.h]", "State of charge, x"), s.names());
        List<Path> written = RunOutputs.write(dir.resolve("run"), info(), s, true, true);
        assertEquals(5, written.size());

        List<String> csv = Files.readAllLines(dir.resolve("run/timeseries.csv"));
        assertEquals("Time [s],Cycle,Step,Current [A],Voltage [V],Power [W],Discharge capacity [A.h],Discharge energy [W.h],\"State of charge, x\"",
                csv.get(0));
        assertEquals(1 + 14, csv.size());
        String[] row = csv.get(2).split(",");
        assertEquals(36.0, Double.parseDouble(row[0]));
        assertEquals(3.9, Double.parseDouble(row[4]), 1e-15);
        assertEquals(0.99, Double.parseDouble(row[8]), 1e-15);
        // cycles and steps are numbered from 1 in the files (0-based in the Solution)
        assertEquals("1", row[1], "Cycle");
        assertEquals("1", row[2], "Step");
        assertEquals("2", csv.get(csv.size() - 1).split(",")[2], "Step of the rest");

        List<String> fields = Files.readAllLines(dir.resolve("run/fields.csv"));
        assertEquals("Time [s],Step,Field,Axis,Position,Value", fields.get(0));
        assertEquals("360,1,\"c, with comma [mol.m-3]\",x [m],1,6", fields.get(2));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("run/summary.json").toFile());
        assertEquals("COMPLETED", json.get("status").asText());
        assertEquals("ECM", json.get("model").asText());
        assertEquals("2 A.h", json.get("overrides").get("Capacity").asText());
        assertEquals(31, json.get("settings").get("mesh").get("negative").asInt());
        assertEquals(2, json.get("steps").size());
        JsonNode first = json.get("steps").get(0);
        assertEquals(1, first.get("index").asInt());
        assertEquals(1, first.get("cycle").asInt());
        assertEquals(2, json.get("steps").get(1).get("index").asInt());
        assertEquals("voltage limit 3.0 V reached", first.get("reason").asText());
        assertEquals(360.0, first.get("durationSeconds").asDouble());
        assertEquals(0.35, first.get("energyWh").asDouble());
        assertTrue(json.get("steps").get(1).get("endVoltageV").isNull());
        assertEquals(13, json.get("solverStatistics").get("steps").asLong());
        assertEquals(0.1, json.get("totals").get("dischargeCapacityAh").asDouble(), 1e-15);
        assertEquals(390.0, json.get("totals").get("durationSeconds").asDouble());
        assertEquals(List.of("timeseries.csv", "fields.csv", "voltage.png", "profiles.png"),
                List.of(json.get("files").get(0).asText(), json.get("files").get(1).asText(), json.get("files").get(2).asText(),
                        json.get("files").get(3).asText()));

        BufferedImage png = ImageIO.read(dir.resolve("run/voltage.png").toFile());
        assertEquals(900, png.getWidth());
        assertEquals(600, png.getHeight());
        try (Stream<Path> files = Files.list(dir.resolve("run"))) {
            assertEquals(5, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void plotHasOneSeriesPerStepOrCycle() {
        assertEquals(List.of("step 1: Discharge at 1 A until 3.0 V", "step 2: Rest for 30 s"),
                VoltagePlot.seriesNames(VoltagePlot.chart(sample(), "t")));
        Solution cycles = new Solution("ECM", List.of());
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 4; i++) {
                cycles.append(new double[] {10 * (4 * c + i), c, 2 * c + i / 2, 1, 4 - 0.1 * i, 4, 0.01 * i, 0}, new double[0]);
            }
        }
        assertEquals(List.of("cycle 1", "cycle 2", "cycle 3"), VoltagePlot.seriesNames(VoltagePlot.chart(cycles, "t")));
        assertEquals(null, VoltagePlot.chart(new Solution("ECM", List.of()), "t"));
    }

    @Test
    void profilesHaveOnePanelPerFieldAndAtMostEightLines() {
        List<FieldSnapshot> snaps = new java.util.ArrayList<>();
        for (int k = 0; k < 20; k++) {
            snaps.add(new FieldSnapshot(100.0 * k, 0, "c [mol.m-3]", "x [m]", new double[] {0, 1}, new double[] {k, k + 1}));
            snaps.add(new FieldSnapshot(100.0 * k, 0, "phi [V]", "x [m]", new double[] {0, 1}, new double[] {0, -k}));
        }
        List<org.knowm.xchart.XYChart> charts = ProfilesPlot.charts(snaps);
        assertEquals(2, charts.size());
        List<String> names = new java.util.ArrayList<>(charts.get(0).getSeriesMap().keySet());
        assertEquals(8, names.size());
        assertEquals("t = 0 s", names.get(0));
        assertEquals("t = 1900 s", names.get(7));
        assertTrue(ProfilesPlot.charts(List.of()).isEmpty());
    }

    @Test
    void failedWriteLeavesPreviousFileAndNoTemporary(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("summary.json");
        Files.writeString(target, "old");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        AtomicFiles.write(target, out -> out.write("new".getBytes()));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void numbersKeepFullPrecision() {
        assertEquals("0.1", TimeseriesCsv.number(0.1));
        assertEquals("3", TimeseriesCsv.number(3.0));
        assertEquals("1.0E-20", TimeseriesCsv.number(1e-20));
        assertEquals(0.1 + 0.2, Double.parseDouble(TimeseriesCsv.number(0.1 + 0.2)));
        assertArrayEquals(new double[] {1}, new double[] {Double.parseDouble(TimeseriesCsv.number(1))});
    }
}
