package io.nernst.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nernst.core.parameters.ParameterException;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.models.parameters.Bpx;
import io.nernst.models.parameters.BpxValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BPX import of About:Energy's 12.5 A.h NMC111 pouch cell (shared/validation/bpx) and its
 * own Validation experiments: the DFN's 1C and C/20 discharge capacities to the last measured
 * voltage must match the measured ones within 2 %; the voltage RMS and max errors are
 * reported. Import -> export -> import gives the same parameters.
 */
class BpxValidationTest {
    private static Path file;

    @BeforeAll
    static void locate() {
        try {
            file = ValidationData.caseDirectory("bpx").resolve("nmc_pouch_cell_BPX.json");
        } catch (ValidationData.MissingReferenceDataException e) {
            if (ValidationData.missingAllowed()) {
                Assumptions.assumeTrue(false, e.getMessage());
            }
            throw e;
        }
    }

    @Test
    void validationExperimentsMatchTheMeasuredCapacity() {
        List<BpxValidation.Result> results = BpxValidation.run(file, ModelOptions.defaults());
        assertEquals(2, results.size());
        ValidationReport report = ValidationReport.shared();
        for (BpxValidation.Result r : results) {
            System.out.printf("BPX %s: voltage RMS %.1f mV, max %.1f mV over %d points; capacity measured %.4f A.h, Nernst %.4f A.h (%+.2f %%)%n",
                    r.experiment(), r.rmsVoltageError() * 1e3, r.maxVoltageError() * 1e3, r.comparedPoints(),
                    r.measuredCapacityAh(), r.simulatedCapacityAh(), r.capacityError() * 100);
            report.addUpperBound("BPX NMC pouch " + r.experiment(), "discharge capacity error |sim/measured - 1|",
                    Math.abs(r.capacityError()) * 100, 2.0, "%", null);
            report.addInformative("BPX NMC pouch " + r.experiment(), "voltage RMS error", r.rmsVoltageError() * 1e3, "mV", null);
            assertTrue(Math.abs(r.capacityError()) < 0.02, r.experiment() + ": capacity error " + r.capacityError());
            assertTrue(r.comparedPoints() > 0.9 * r.time().length, r.experiment() + ": compared " + r.comparedPoints());
        }
    }

    @Test
    void importExportImportGivesTheSameParameters(@TempDir Path dir) throws Exception {
        ParameterSet first = Bpx.read(file);
        Path exported = dir.resolve("nmc_pouch_cell_BPX.json");
        Files.writeString(exported, Bpx.write(first));
        ParameterSet second = Bpx.read(exported);
        assertEquals(first.names(), second.names());
        for (String n : first.names()) {
            ParameterSet.Parameter a = first.parameter(n);
            ParameterSet.Parameter b = second.parameter(n);
            if (!a.isFunction()) {
                assertEquals(a.value(), b.value(), 4e-16 * Math.abs(a.value()), n);
            } else {
                for (double x = 0.01; x < 1; x += 0.07) {
                    double s = n.startsWith("Electrolyte") ? 4000 * x : x;
                    assertEquals(a.function().value(s, 310), b.function().value(s, 310), 0.0, n);
                }
            }
        }
    }

    @Test
    void schemaViolationsAndUnsupportedFeaturesNameSectionAndKey(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        ObjectNode neg = (ObjectNode) root.get("Parameterisation").get("Negative electrode");
        neg.set("Thickness [um]", neg.remove("Thickness [m]"));
        Path wrongUnit = dir.resolve("wrong-unit.json");
        json.writeValue(wrongUnit.toFile(), root);
        String m = assertThrows(ParameterException.class, () -> Bpx.read(wrongUnit)).getMessage();
        assertTrue(m.contains("wrong-unit.json") && m.contains("'Negative electrode'") && m.contains("'Thickness [um]'")
                && m.contains("did you mean 'Thickness [m]'"), m);

        root = (ObjectNode) json.readTree(file.toFile());
        ((ObjectNode) root.get("Parameterisation").get("Positive electrode")).putObject("Particle");
        Path blended = dir.resolve("blended.json");
        json.writeValue(blended.toFile(), root);
        m = assertThrows(ParameterException.class, () -> Bpx.read(blended)).getMessage();
        assertTrue(m.contains("'Positive electrode'") && m.contains("'Particle'") && m.contains("blended"), m);

        root = (ObjectNode) json.readTree(file.toFile());
        ((ObjectNode) root.get("Parameterisation").get("Electrolyte")).remove("Cation transference number");
        Path missing = dir.resolve("missing.json");
        json.writeValue(missing.toFile(), root);
        m = assertThrows(ParameterException.class, () -> Bpx.read(missing)).getMessage();
        assertTrue(m.contains("'Electrolyte'") && m.contains("'Cation transference number'"), m);

        root = (ObjectNode) json.readTree(file.toFile());
        ((ObjectNode) root.get("Parameterisation").get("Electrolyte")).put("Conductivity [S.m-1]", "1.0 - x/2000");
        Path negative = dir.resolve("negative.json");
        json.writeValue(negative.toFile(), root);
        m = assertThrows(ParameterException.class, () -> Bpx.read(negative)).getMessage();
        assertTrue(m.contains("'Conductivity [S.m-1]'") && m.contains("a value > 0") && m.contains("at x = "), m);
    }

    @Test
    void builtInSetsExportToBpxAndBack() {
        for (String name : List.of("marquis2019", "chen2020")) {
            ParameterSet p = ModelRegistry.parameterSet(name);
            ParameterSet back = Bpx.fromTree(readJson(Bpx.write(p)), name + ".json");
            for (String n : List.of("Negative electrode thickness", "Positive electrode reaction rate constant",
                    "Negative electrode active material volume fraction")) {
                assertEquals(p.value(n), back.value(n), 1e-14 * p.value(n), name + " " + n);
            }
            double eps = p.value("Negative electrode porosity");
            assertEquals(Math.pow(eps, p.value("Negative electrode Bruggeman coefficient (electrolyte)")),
                    Math.pow(eps, back.value("Negative electrode Bruggeman coefficient (electrolyte)")), 1e-14, name);
            assertEquals(p.function("Electrolyte conductivity").value(1200, 298.15),
                    back.function("Electrolyte conductivity").value(1200, 298.15), 1e-14, name);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
