package io.nernst.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.error.BadInputException;
import io.nernst.core.error.ErrorKind;
import io.nernst.core.error.Failures;
import io.nernst.core.experiment.Experiment;
import io.nernst.core.simulation.ResourceEstimate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario loader's file checks and the up-front resource refusals (docs/reliability.md). */
class InputRobustnessTest {
    @TempDir
    Path dir;

    private static final String GOOD = "model: DFN\nparameters: {set: marquis2019}\nexperiment: {steps: [\"Rest for 1 h\"]}\n";

    private String refusal(Path p) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(p));
        assertEquals(ErrorKind.BAD_INPUT, Failures.kindOf(e));
        return e.getMessage();
    }

    @Test
    void aNonUtf8ByteIsNamedByLineAndByte() throws IOException {
        Path p = dir.resolve("latin1.yaml");
        byte[] bytes = "model: DFN\n# caf\u00e9 au lait\nparameters: {set: marquis2019}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(p, bytes);
        String m = refusal(p);
        assertTrue(m.contains("line 2, byte 6: byte 0xE9 is not valid UTF-8"), m);
    }

    @Test
    void directoriesDevicesAndHugeFilesAreRefusedWithoutReadingThem() throws IOException {
        assertTrue(refusal(dir).contains("it is a directory, not a file"));
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            assertTrue(refusal(zero).contains("not a regular file"));
        }
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[(int) InputFiles.MAX_BYTES + 1]);
        assertTrue(refusal(big).contains("at most 1048576 bytes"));
    }

    @Test
    void aParameterFileThatIsADeviceIsRefused() throws IOException {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, "model: DFN\nparameters: {set: marquis2019, file: " + dir + "}\nexperiment: {steps: [\"Rest for 1 h\"]}\n");
        String m = refusal(p);
        assertTrue(m.startsWith("cannot read parameter file (from parameters.file)") && m.contains("directory"), m);
    }

    @Test
    void aScalarOrListDocumentSaysSoWithoutJavaClassNames() throws IOException {
        for (String text : List.of("hello\n", "- a\n- b\n", "42\n")) {
            Path p = dir.resolve("x.yaml");
            Files.writeString(p, text);
            String m = refusal(p);
            assertTrue(m.contains("the file holds a single value or a list, not a map of keys"), m);
            assertFalse(m.contains("java."), m);
        }
    }

    @Test
    void theMessageOfAForeignFileQuotesNoneOfItsLines() throws IOException {
        Path secret = dir.resolve("passwd");
        Files.writeString(secret, "root:x:0:0:hunter2-secret:/root:/bin/bash\n");
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, "model: DFN\nparameters: {set: marquis2019, file: passwd}\nexperiment: {steps: [\"Rest for 1 h\"]}\n");
        String m = refusal(p);
        assertFalse(m.contains("hunter2"), m);
    }

    @Test
    void meshCountsAboveTheContinuumScaleAreRefused() {
        BadInputException e = assertThrows(BadInputException.class, () -> new MeshSettings(100_000, 11, 31, 11));
        assertTrue(e.getMessage().startsWith("mesh.negative = 100000 is not allowed: expected a whole number of cells in [1, 10000]"),
                e.getMessage());
        // 9000^2-ish unknowns cannot fit any ordinary heap: refused with the estimate before a model is built
        BadInputException big = assertThrows(BadInputException.class,
                () -> ResourceEstimate.requireMeshFits(27_000, 9_000, "{...}"));
        assertTrue(big.getMessage().contains("gives up to 2.43e+08 unknowns"), big.getMessage());
    }

    @Test
    void aBillionRepeatsAreRefusedBeforeTheScheduleIsBuilt() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Experiment.builder().block(1_000_000_000, "Rest for 1 minute", "Rest for 2 minutes").build());
        assertTrue(e.getMessage().startsWith("the experiment has 2000000000 steps"), e.getMessage());
    }

    @Test
    void theGoodScenarioStillLoads() throws IOException {
        Path p = dir.resolve("good.yaml");
        Files.writeString(p, "\uFEFF" + GOOD);
        assertEquals("DFN", ScenarioLoader.load(p).model());
    }
}
