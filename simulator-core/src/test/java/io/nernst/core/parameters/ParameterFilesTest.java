package io.nernst.core.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterFilesTest {
    private static final ParameterSchema SCHEMA = new ParameterSchema(List.of(
            new ParameterSpec("Thickness", "m", Constraint.POSITIVE, null, true, "a length"),
            new ParameterSpec("Porosity", "1", Constraint.FRACTION, null, true, "a fraction"),
            new ParameterSpec("Reference temperature", "K", Constraint.POSITIVE, null, false, "Tref"),
            new ParameterSpec("Electrolyte conductivity", "S.m-1", Constraint.POSITIVE,
                    new Domain("c", "mol.m-3", 0, 4000), true, "kappa(c, T)"),
            new ParameterSpec("OCP", "V", Constraint.ANY, new Domain("x", "1", 0, 1), false, "U(x)")));

    private static ParameterSet read(String yaml) {
        return ParameterFiles.read(yaml, "cell.yaml", null, SCHEMA, null);
    }

    @Test
    void readsValuesExpressionsTablesAndArrhenius() {
        ParameterSet p = read("""
                name: mycell
                constants: {c0: 1000}
                parameters:
                  Thickness: 60 um
                  Porosity: {value: 0.3, source: "paper, Table 1"}
                  Reference temperature: 298.15 K
                  Electrolyte conductivity:
                    expression: "0.1297*(c/c0)**3 - 2.51*(c/c0)**1.5 + 3.329*(c/c0)"
                    activation energy: 17100 J/mol
                  OCP: {table: {x: [0, 0.5, 1], y: [4.2, 3.8, 3.0]}}
                """);
        assertEquals("mycell", p.name());
        assertEquals(60e-6, p.value("Thickness"), 1e-18);
        assertEquals("paper, Table 1", p.parameter("Porosity").source());
        MaterialFunction k = p.function("Electrolyte conductivity");
        double m = 1.2;
        double k0 = 0.1297 * m * m * m - 2.51 * Math.pow(m, 1.5) + 3.329 * m;
        assertEquals(k0, k.value(1200, 298.15), 1e-14);
        double factor = Math.exp(17100 / 8.314462618 * (1 / 298.15 - 1 / 318.15));
        assertEquals(k0 * factor, k.value(1200, 318.15), 1e-13);
        double dk = (0.1297 * 3 * m * m - 2.51 * 1.5 * Math.sqrt(m) + 3.329) / 1000;
        assertEquals(dk * factor, k.derivative(1200, 318.15), 1e-15);
        assertEquals(3.8, p.function("OCP").value(0.5, 298), 1e-15);
    }

    @Test
    void conductivityNegativeSomewhereInItsDomainIsRefused() {
        ParameterException e = assertThrows(ParameterException.class, () -> read("""
                parameters:
                  Thickness: 60 um
                  Porosity: 0.3
                  Electrolyte conductivity: "1.0 - (c/3000)**2"
                """));
        String msg = e.getMessage();
        assertTrue(msg.contains("cell.yaml") && msg.contains("'Electrolyte conductivity'") && msg.contains("at c = 300")
                && msg.contains("a value > 0"), msg);
    }

    @Test
    void badValuesNameFileKeyValueAndRange() {
        String m1 = assertThrows(ParameterException.class, () -> read("parameters: {Thickness: 60 um, Porosity: 1.3, "
                + "Electrolyte conductivity: 1 S/m}")).getMessage();
        assertTrue(m1.contains("cell.yaml: parameter 'Porosity' = 1.3") && m1.contains("(0, 1]"), m1);
        String m2 = assertThrows(ParameterException.class, () -> read("parameters: {Thickness: 60 um, Porosty: 0.3}")).getMessage();
        assertTrue(m2.contains("unknown parameter 'Porosty'") && m2.contains("did you mean 'Porosity'"), m2);
        String m3 = assertThrows(ParameterException.class, () -> read("parameters: {Thickness: 60 um}")).getMessage();
        assertTrue(m3.contains("missing 'Porosity', 'Electrolyte conductivity'"), m3);
        String m4 = assertThrows(ParameterException.class, () -> read("parameters: {Thickness: 60 um, Porosity: 0.3, "
                + "Electrolyte conductivity: \"1 + * c\"}")).getMessage();
        assertTrue(m4.contains("cell.yaml: parameter 'Electrolyte conductivity'") && m4.contains("^"), m4);
        String m5 = assertThrows(ParameterException.class, () -> read("parameters: {Thickness: 60, Porosity: 0.3, "
                + "Electrolyte conductivity: 1 S/m}")).getMessage();
        assertTrue(m5.contains("'Thickness'") && m5.contains("needs a unit"), m5);
        String m6 = assertThrows(ParameterException.class, () -> read("parameters: {Thickness: 60 um, Porosity: 0.3, "
                + "Electrolyte conductivity: 1 S/m, OCP: {table: {x: [0, 0.6, 0.5, 1], y: [1, 2, 3, 4]}}}")).getMessage();
        assertTrue(m6.contains("'OCP'") && m6.contains("strictly monotone"), m6);
    }

    @Test
    void csvTableNextToTheFileAndOverlay(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ocp.csv"), "x,U\n0,4.2\n0.5,3.8\n1,3.0\n");
        Path f = dir.resolve("cell.yaml");
        Files.writeString(f, "parameters:\n  Thickness: 60 um\n  Porosity: 0.3\n  Electrolyte conductivity: 1 S/m\n  OCP: {table: ocp.csv}\n");
        ParameterSet p = ParameterFiles.read(f, SCHEMA);
        // PCHIP by hand: slopes -16/15 at 0.5 and -2 at 1 give 3.8/2 + 3/2 - 0.5/8 (16/15) + 0.5/8 (2)
        assertEquals(3.4 - 1.0 / 15 + 0.125, p.function("OCP").value(0.75, 298), 1e-14);
        assertEquals(new Domain("x", "1", 0, 1), p.parameter("OCP").domain());
        Path o = dir.resolve("over.yaml");
        Files.writeString(o, "Thickness: 70 um\n");
        assertEquals(70e-6, ParameterFiles.overlay(p, o, SCHEMA).value("Thickness"), 1e-18);
    }

    @Test
    void functionValuedParameterKeepsItsConstraintForOverrides() {
        ParameterSet p = read("parameters: {Thickness: 60 um, Porosity: 0.3, Electrolyte conductivity: \"1 + c/1000\"}");
        assertThrows(ParameterException.class, () -> p.with("Electrolyte conductivity", -0.5));
        assertThrows(ParameterException.class, () -> p.with("Electrolyte conductivity", (c, t) -> 1 - c / 1000));
    }
}
