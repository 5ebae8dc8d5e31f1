package io.nernst.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.parameters.Constraint;
import io.nernst.core.parameters.ParameterException;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.units.UnitException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterOverridesTest {

    private static final ParameterSet SET = ParameterSet.builder("test")
            .constant("Negative electrode thickness", 100e-6, "m", Constraint.POSITIVE, "")
            .constant("Negative electrode porosity", 0.3, "1", Constraint.FRACTION, "")
            .constant("Initial stoichiometry", 0.8, "1", Constraint.UNIT_INTERVAL, "")
            .constant("Electrolyte diffusivity", 3e-10, "m2.s-1", Constraint.POSITIVE, "")
            .constant("Electrolyte conductivity", 1.0, "S/m", Constraint.POSITIVE, "")
            .constant("Nominal cell capacity", 0.68, "A.h", Constraint.POSITIVE, "")
            .constant("Ambient temperature", 298.15, "K", Constraint.POSITIVE, "")
            .build();

    private static ParameterSet apply(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(name, value);
        return ParameterOverrides.apply(SET, m);
    }

    @Test
    void convertsIntoEachParametersUnit() {
        assertEquals(60e-6, apply("Negative electrode thickness", "60 um").value("Negative electrode thickness"), 1e-20);
        assertEquals(1e-14, apply("Electrolyte diffusivity", "1e-10 cm2/s").value("Electrolyte diffusivity"), 1e-28);
        assertEquals(0.148, apply("Electrolyte conductivity", "1.48 mS/cm").value("Electrolyte conductivity"), 1e-15);
        assertEquals(2.4, apply("Nominal cell capacity", "2400 mAh").value("Nominal cell capacity"), 1e-12);
        assertEquals(298.15, apply("Ambient temperature", "25 degC").value("Ambient temperature"), 1e-12);
        assertEquals(0.25, apply("Negative electrode porosity", "25 %").value("Negative electrode porosity"), 1e-15);
        assertEquals(0.25, apply("Negative electrode porosity", "0.25").value("Negative electrode porosity"), 0.0);
        Map<String, String> two = new LinkedHashMap<>();
        two.put("Negative electrode thickness", "60 um");
        two.put("Negative electrode thickness ", "70 um");
        assertEquals(70e-6, ParameterOverrides.apply(SET, two).value("Negative electrode thickness"), 1e-20);
    }

    @Test
    void badInput() {
        ParameterException unknown = assertThrows(ParameterException.class, () -> apply("Negative electrode thicknes", "60 um"));
        assertTrue(unknown.getMessage().contains("did you mean 'Negative electrode thickness'"), unknown.getMessage());
        ParameterException negative = assertThrows(ParameterException.class, () -> apply("Negative electrode thickness", "-60 um"));
        assertEquals("parameter 'Negative electrode thickness' = '-60 um' (-6.0E-5 m) is not allowed: expected a value > 0",
                negative.getMessage());
        ParameterException porosity = assertThrows(ParameterException.class, () -> apply("Negative electrode porosity", "1.2"));
        assertEquals("parameter 'Negative electrode porosity' = '1.2' is not allowed: expected a fraction in (0, 1]",
                porosity.getMessage());
        ParameterException sto = assertThrows(ParameterException.class, () -> apply("Initial stoichiometry", "-0.1"));
        assertTrue(sto.getMessage().contains("expected a number in [0, 1]"), sto.getMessage());
        UnitException unit = assertThrows(UnitException.class, () -> apply("Negative electrode thickness", "60 parsec"));
        assertTrue(unit.getMessage().startsWith("parameter 'Negative electrode thickness' = '60 parsec': "), unit.getMessage());
        assertTrue(unit.getMessage().contains("unknown unit 'parsec'"), unit.getMessage());
        UnitException dim = assertThrows(UnitException.class, () -> apply("Negative electrode thickness", "60 mA"));
        assertTrue(dim.getMessage().contains("needs a length (m)"), dim.getMessage());
    }

    @Test
    void dimensionalParametersNeedAUnitDimensionlessOnesTakePlainNumbers() {
        UnitException e = assertThrows(UnitException.class, () -> apply("Negative electrode thickness", "60"));
        assertEquals("parameter 'Negative electrode thickness' = '60' needs a unit: a length such as '60 um'", e.getMessage());
        // a number written in SI gets an SI example (the present value is 100 um)
        e = assertThrows(UnitException.class, () -> apply("Negative electrode thickness", "6e-5"));
        assertEquals("parameter 'Negative electrode thickness' = '6e-5' needs a unit: a length such as '6e-5 m'", e.getMessage());
        e = assertThrows(UnitException.class, () -> apply("Ambient temperature", "298.15"));
        assertTrue(e.getMessage().contains("'298.15' needs a unit: a temperature such as '298.15 K'"), e.getMessage());
        e = assertThrows(UnitException.class, () -> apply("Ambient temperature", "25"));
        assertTrue(e.getMessage().contains("'25' needs a unit: a temperature such as '25 degC'"), e.getMessage());
        e = assertThrows(UnitException.class, () -> apply("Electrolyte diffusivity", "3e-10"));
        assertTrue(e.getMessage().contains("needs a unit: a diffusivity such as '3e-10 m2/s'"), e.getMessage());
        assertThrows(UnitException.class, () -> apply("Nominal cell capacity", "24"));
        assertThrows(UnitException.class, () -> apply("Electrolyte conductivity", "1"));
        assertEquals(0.35, apply("Negative electrode porosity", "0.35").value("Negative electrode porosity"), 0.0);
        assertEquals(0.5, apply("Initial stoichiometry", "0.5").value("Initial stoichiometry"), 0.0);
        assertEquals(0.5, apply("Initial stoichiometry", "5e-1").value("Initial stoichiometry"), 0.0);
    }
}
