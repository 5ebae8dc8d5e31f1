package io.nernst.models.deposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepositionOutputsTest {

    @Test
    void writesTimeSeriesSnapshotsAndMorphology(@TempDir Path dir) throws Exception {
        DepositionSettings s = DepositionSettings.builder().width(8e-6).height(16e-6).cellsX(32).cellsY(64)
                .surfaceHeight(3e-6).morphology(new InitialMorphology.Bumps(List.of(new InitialMorphology.Bump(2e-6, 1e-6),
                        new InitialMorphology.Bump(6e-6, 1.5e-6))))
                .galvanostatic(30.0).duration(600.0).snapshotInterval(200.0).build();
        DepositionOutputs outputs = new DepositionOutputs(dir, s);
        DepositionRun.Result r = DepositionRun.run(s, outputs);
        assertEquals(DepositionRun.StopReason.END_TIME, r.reason(), r.message());
        List<String> lines = Files.readAllLines(dir.resolve("timeseries.csv"));
        assertEquals(String.join(",", DepositionObservables.CSV_HEADER), lines.get(0));
        assertEquals(r.series().size() + 1, lines.size());
        // t = 0: nothing deposited yet, written as +0 (not -0.00000000).
        String[] first = lines.get(1).split(",");
        assertEquals("0.00000000", first[9], lines.get(1));
        for (String line : lines) {
            assertTrue(!line.matches("(.*,)?-0\\.0+(e[+-]\\d+)?(,.*)?"), "negative zero in " + line);
        }
        String[] last = lines.get(lines.size() - 1).split(",");
        assertEquals(600.0, Double.parseDouble(last[0]), 1e-6);
        double deposited = Double.parseDouble(last[8]);
        double faraday = Double.parseDouble(last[9]);
        assertEquals(faraday, deposited, 0.02 * faraday);
        // snapshots at t = 0, 200, 400, 600 s: four of each field
        try (Stream<Path> files = Files.list(dir.resolve("snapshots"))) {
            assertEquals(12, files.filter(p -> p.toString().endsWith(".png")).count());
        }
        BufferedImage image = ImageIO.read(dir.resolve("snapshots/concentration_0003.png").toFile());
        assertTrue(image.getWidth() > 32 && image.getHeight() > 64);
        assertTrue(Files.size(dir.resolve("morphology.png")) > 1000);
        assertTrue(Files.size(dir.resolve("morphology_final.png")) > 1000);
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary files left behind");
        }
        // the bumps still stand out (normal growth at nearly uniform speed widens them and fills the valleys)
        DepositionObservables o = r.last();
        assertTrue(o.currentAmplification() > 1.0, o.toString());
        assertTrue(o.maxHeight() > o.meanHeight() + 0.2e-6, o.toString());
        Files.copy(dir.resolve("snapshots/current_0003.png"), Path.of("target/deposition-current-example.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("snapshots/concentration_0003.png"), Path.of("target/deposition-concentration-example.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("morphology.png"), Path.of("target/deposition-morphology-example.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
