package io.nernst.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValidationDataTest {

    @Test
    void missingCaseFailsWithTheSearchedPlaces() {
        ValidationData.MissingReferenceDataException e = assertThrows(ValidationData.MissingReferenceDataException.class,
                () -> ValidationData.caseDirectory("no-such-case-xyz"));
        assertTrue(e.getMessage().contains(ValidationData.DATA_PROPERTY), e.getMessage());
        assertTrue(e.getMessage().contains("no-such-case-xyz"), e.getMessage());
    }

    /** A fresh clone must validate on its own: the vendored copy is found before any outside checkout. */
    @Test
    void vendoredCopyIsFoundFirst() {
        java.nio.file.Path dir = ValidationData.caseDirectory("comsol-marquis2019");
        assertTrue(dir.endsWith(java.nio.file.Paths.get("validation", "data", "comsol-marquis2019")), dir.toString());
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("comsol_1C.json")), dir.toString());
    }

    @Test
    void linearInterpolationAndNorms() {
        double[] x = {0, 1, 3};
        double[] y = {1, 3, -1};
        assertEquals(2.0, Interpolation.linear(x, y, 0.5), 1e-15);
        assertEquals(1.0, Interpolation.linear(x, y, 2.0), 1e-15);
        assertEquals(-3.0, Interpolation.linear(x, y, 4.0), 1e-15);
        assertEquals(0.0, Interpolation.linear(x, y, -0.5), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3.0), Interpolation.rms(new double[] {1, 2, 3}, new double[] {0, 2, 5}), 1e-15);
        assertEquals(2.0, Interpolation.maxAbs(new double[] {1, 2, 3}, new double[] {0, 2, 5}), 0.0);
    }
}
