package io.nernst.core.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    private static void assertRel(double expected, double actual) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected), () -> "expected " + expected + " got " + actual);
    }

    @ParameterizedTest(name = "{0} -> {2} {1}")
    @CsvSource(delimiter = ';', value = {
        "60 um; m; 60e-6",
        "60um; m; 60e-6",
        "60 µm; m; 60e-6",
        "1 mA/cm2; A.m-2; 10",
        "0.5 mA cm-2; A.m-2; 5",
        "0.5 mA.cm-2; A/m2; 5",
        "25 degC; K; 298.15",
        "25 °C; K; 298.15",
        "298.15 K; K; 298.15",
        "2 hours; s; 7200",
        "30 minutes; s; 1800",
        "30 min; s; 1800",
        "1.5 h; s; 5400",
        "1e-14 m2/s; m2.s-1; 1e-14",
        "1e-14 m2.s-1; m2/s; 1e-14",
        "1e-10 cm2/s; m2/s; 1e-14",
        "1000 mol/m3; mol.m-3; 1000",
        "1 mol/L; mol.m-3; 1000",
        "1 M; mol.m-3; 1000",
        "24 A.h; A.h; 24",
        "24 Ah; A.h; 24",
        "2400 mAh; A.h; 2.4",
        "24 A.h; C; 86400",
        "4.1 V; V; 4.1",
        "4100 mV; V; 4.1",
        "10 W; W; 10",
        "10 W; kg.m2.s-3; 10",
        "1.48 mS/cm; S.m-1; 0.148",
        "1.48 mS/cm; S/m; 0.148",
        "1.48 mS cm-1; S.m-1; 0.148",
        "1 ohm.cm2; ohm.m2; 1e-4",
        "50 %; 1; 0.5",
        "0.3; 1; 0.3",
        "0.3; -; 0.3",
        "10 F/m2; F.m-2; 10",
        "8.314 J/mol/K; J/(mol.K); 8.314",
        "8.314 J/(mol.K); J.mol-1.K-1; 8.314",
        "1 kg/m3; g/L; 1",
        "2 s^-1; Hz; 2",
    })
    void convertsToTargetUnit(String text, String unit, double expected) {
        assertRel(expected, Units.convert(text, unit, "x"));
    }

    @Test
    void prefixesConvertWithOneRounding() {
        // 60 * 1e-6 is 5.9999999999999995E-5; dividing by the exact 1e6 gives the double nearest 6e-5
        assertEquals(6e-5, Units.convert("60 um", "m", "x"));
        assertEquals(6e-5, Quantity.parse("60 um").siValue());
        assertEquals(2.4, Units.convert("2400 mAh", "A.h", "x"));
        assertEquals(0.148, Units.convert("1.48 mS/cm", "S.m-1", "x"));
        assertEquals(1e-14, Units.convert("1e-10 cm2/s", "m2/s", "x"));
        assertEquals(60.0, Units.convert("6e-5 m", "um", "x"));
        assertEquals(25.0, Unit.parse("K").convert(298.15, Unit.parse("degC")), 1e-12);
        assertEquals(298.15, Unit.parse("degC").convert(25, Unit.parse("K")), 1e-12);
        assertThrows(UnitException.class, () -> Unit.parse("m").convert(1, Unit.parse("s")));
    }

    @Test
    void bareNumberIsAcceptedOnlyForDimensionlessTargets() {
        assertEquals(0.3, Units.convert("0.3", "1", "parameter 'Negative electrode porosity'"));
        assertEquals(1.5, Units.convert("1.5", "-", "parameter 'Bruggeman exponent'"));
        assertEquals(0.25, Units.convert("25 %", "1", "parameter 'Negative electrode porosity'"), 1e-16);
        UnitException e = assertThrows(UnitException.class,
                () -> Units.convert("60", "m", "parameter 'Positive electrode thickness'"));
        assertEquals("parameter 'Positive electrode thickness' = '60' needs a unit: a length such as '60 um'", e.getMessage());
        // the example unit puts the number near a typical value (the parameter's present value)
        e = assertThrows(UnitException.class, () -> Units.convert("6e-5", "m", "parameter 'Positive electrode thickness'", 1e-4));
        assertTrue(e.getMessage().endsWith("needs a unit: a length such as '6e-5 m'"), e.getMessage());
        e = assertThrows(UnitException.class, () -> Units.convert("60", "m", "parameter 'Positive electrode thickness'", 1e-4));
        assertTrue(e.getMessage().endsWith("needs a unit: a length such as '60 um'"), e.getMessage());
        e = assertThrows(UnitException.class, () -> Units.convert("24", "A.h", "parameter 'Nominal cell capacity'"));
        assertTrue(e.getMessage().endsWith("'24' needs a unit: a charge such as '24 A.h'"), e.getMessage());
        e = assertThrows(UnitException.class, () -> Units.convert("298.15", "K", "parameter 'Ambient temperature'"));
        assertTrue(e.getMessage().endsWith("needs a unit: a temperature such as '298.15 K'"), e.getMessage());
        e = assertThrows(UnitException.class, () -> Units.convert("1000", "mol.m-3", "parameter 'c'"));
        assertTrue(e.getMessage().endsWith("needs a unit: a concentration such as '1000 mol/m3'"), e.getMessage());
        e = assertThrows(UnitException.class, () -> Units.convert("1e6", "A.m-2.(m3.mol-1)^1.5", "parameter 'k'"));
        assertTrue(e.getMessage().endsWith("needs a unit: a quantity in A.m-2.(m3.mol-1)^1.5 such as '1e6 A.m-2.(m3.mol-1)^1.5'"),
                e.getMessage());
        e = assertThrows(UnitException.class, () -> Quantity.parse("0.5").siValue(Dimension.TIME, "the output period"));
        assertEquals("the output period = '0.5' needs a unit: a time such as '0.5 s'", e.getMessage());
    }

    @Test
    void dimensionsWithArticles() {
        assertEquals("a length (m)", Dimension.LENGTH.withArticle());
        assertEquals("an amount of substance (mol)", Dimension.AMOUNT.withArticle());
        assertEquals("a dimensionless number", Dimension.NONE.withArticle());
        assertEquals("a quantity in m3.s-1", Dimension.of(3, 0, -1, 0, 0, 0).withArticle());
        UnitException e = assertThrows(UnitException.class, () -> Units.convert("0.3 m", "1", "parameter 'porosity'"));
        assertEquals("'0.3 m' is a length (m) but parameter 'porosity' needs a dimensionless number", e.getMessage());
        e = assertThrows(UnitException.class, () -> Units.convert("60 %", "m", "parameter 'thickness'"));
        assertEquals("'60 %' is a dimensionless number but parameter 'thickness' needs a length (m)", e.getMessage());
    }

    @Test
    void halfPowers() {
        // Butler-Volmer rate constants: i0 = m sqrt(ce cs (cmax - cs)) makes m an A.m-2.(m3.mol-1)^1.5
        Unit rate = Unit.parse("A.m-2.(m3.mol-1)^1.5");
        assertEquals("m2.5.A.mol-1.5", rate.dimension().toString());
        assertEquals(rate.dimension(), Unit.parse(rate.dimension().toString()).dimension(), "toString parses back");
        assertEquals(1.0, rate.scale());
        assertEquals(2e-5, Units.convert("2e-5 A.m-2.(m3.mol-1)^1.5", "A.m-2.(m3.mol-1)^1.5", "k"));
        assertRel(1e-9, Unit.parse("(cm3/mol)^1.5").scale());
        assertRel(Math.pow(1e-3, 1.5), Unit.parse("mm^1.5").scale());
        assertEquals(Dimension.LENGTH, Unit.parse("(m2)^0.5").dimension());
        assertEquals(Dimension.LENGTH.power(3), Unit.parse("m1.5.m1.5").dimension());
        assertEquals(Unit.parse("m2.s-1").dimension(), Unit.parse("m2.0.s-1").dimension());
        UnitException e = assertThrows(UnitException.class, () -> Unit.parse("m^0.25"));
        assertTrue(e.getMessage().contains("whole or half"), e.getMessage());
        e = assertThrows(UnitException.class, () -> Unit.parse("(m0.5)^0.5"));
        assertTrue(e.getMessage().contains("not a whole or half number"), e.getMessage());
    }

    @Test
    void siValuesAndDimensions() {
        Quantity q = Quantity.parse("1 mA/cm2");
        assertEquals(Dimension.CURRENT_DENSITY, q.dimension());
        assertRel(10, q.siValue());
        assertEquals("A.m-2", q.dimension().toString());
        assertEquals("m2.kg.s-3.A-1", Dimension.VOLTAGE.toString());
        assertEquals(Dimension.of(-3, -1, 3, 2, 0, 0), Unit.parse("S/m").dimension());
        assertRel(0.148, Units.si("1.48 mS/cm", Unit.parse("S.m-1").dimension(), "conductivity"));
        assertRel(298.15, Unit.parse("degC").toSi(25));
        assertRel(25, Unit.parse("degC").fromSi(298.15));
        assertEquals(1.0, Unit.parse("kg").scale());
        assertEquals(1e-6, Unit.parse("mg").scale(), 1e-21);
        assertEquals(Dimension.ENERGY, Unit.parse("W.h").dimension());
        assertRel(3600, Unit.parse("W.h").scale());
    }

    @Test
    void unknownUnitNamesTheUnitAndListsAllowedOnes() {
        UnitException e = assertThrows(UnitException.class, () -> Units.convert("60 furlong", "m", "thickness"));
        assertTrue(e.getMessage().contains("unknown unit 'furlong'"), e.getMessage());
        assertTrue(e.getMessage().contains("allowed:"), e.getMessage());
        assertTrue(e.getMessage().contains("mol"), e.getMessage());
        e = assertThrows(UnitException.class, () -> Quantity.parse("60 uX"));
        assertTrue(e.getMessage().contains("'uX'"), e.getMessage());
        // a lone unknown symbol is named once, with the closest known one when there is one
        e = assertThrows(UnitException.class, () -> Quantity.parse("1 hourz"));
        assertTrue(e.getMessage().startsWith("unknown unit 'hourz'; did you mean 'hour'? Allowed: "), e.getMessage());
        assertFalse(e.getMessage().contains("in 'hourz'"), e.getMessage());
        e = assertThrows(UnitException.class, () -> Quantity.parse("1 m/hourz"));
        assertTrue(e.getMessage().startsWith("unknown unit 'hourz' in 'm/hourz'; did you mean 'hour'?"), e.getMessage());
        e = assertThrows(UnitException.class, () -> Quantity.parse("60 furlong"));
        assertTrue(e.getMessage().startsWith("unknown unit 'furlong'; allowed: "), e.getMessage());
        e = assertThrows(UnitException.class, () -> Units.convert("60 furlong", "m", "parameter 'thickness'"));
        assertTrue(e.getMessage().startsWith("parameter 'thickness' = '60 furlong': unknown unit 'furlong'; allowed: "), e.getMessage());
    }

    @Test
    void dimensionMismatchNamesBothDimensions() {
        UnitException e = assertThrows(UnitException.class, () -> Units.convert("60 mA", "m", "Negative electrode thickness"));
        assertTrue(e.getMessage().contains("'60 mA' is a current (A)"), e.getMessage());
        assertTrue(e.getMessage().contains("Negative electrode thickness needs a length (m)"), e.getMessage());
        e = assertThrows(UnitException.class, () -> Units.convert("1 mA/cm2", "A", "I"));
        assertTrue(e.getMessage().contains("current density"), e.getMessage());
    }

    @Test
    void malformedInput() {
        assertThrows(UnitException.class, () -> Quantity.parse("um 60"));
        assertThrows(UnitException.class, () -> Quantity.parse(""));
        assertThrows(UnitException.class, () -> Unit.parse("m^"));
        assertThrows(UnitException.class, () -> Unit.parse("(m.s"));
        assertThrows(UnitException.class, () -> Unit.parse("m//s"));
        UnitException e = assertThrows(UnitException.class, () -> Unit.parse("degC/s"));
        assertTrue(e.getMessage().contains("must stand alone"), e.getMessage());
        e = assertThrows(UnitException.class, () -> Units.convert("1 m", "furlong", "p"));
        assertTrue(e.getMessage().contains("declared for p"), e.getMessage());
    }
}
