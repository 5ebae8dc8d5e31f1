package io.nernst.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.model.Control;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExperimentStepTest {

    /** A cell of 2.5 A.h and 0.1 m2, to resolve C-rates and densities. */
    private static final double CAPACITY = 2.5;
    private static final double AREA = 0.1;

    @Test
    void dischargeAtCRateUntilVoltage() {
        ExperimentStep s = ExperimentStep.parse("Discharge at 1C until 3.105 V");
        assertEquals(StepKind.DISCHARGE, s.kind());
        assertEquals(Control.CURRENT, s.control());
        assertEquals(Amount.Kind.C_RATE, s.setpoint().kind());
        assertEquals(2.5, s.target(CAPACITY, AREA), 1e-15);
        assertEquals(List.of(3.105), s.voltageLimits());
        assertTrue(Double.isNaN(s.duration()));
        assertTrue(s.durationIfGiven().isEmpty());
        assertTrue(s.currentLimits().isEmpty());
    }

    @Test
    void chargeAtCurrentDensityForDuration() {
        ExperimentStep s = ExperimentStep.parse("Charge at 0.5 mA/cm2 for 30 minutes");
        assertEquals(StepKind.CHARGE, s.kind());
        assertEquals(Amount.Kind.CURRENT_DENSITY, s.setpoint().kind());
        // 0.5 mA/cm2 = 5 A/m2, times 0.1 m2 = 0.5 A, negative on charge
        assertEquals(-0.5, s.target(CAPACITY, AREA), 1e-15);
        assertEquals(1800.0, s.duration());
        assertTrue(s.voltageLimits().isEmpty());
    }

    @Test
    void currentDensityWrittenWithNegativePower() {
        ExperimentStep s = ExperimentStep.parse("Charge at 0.5 mA cm-2 for 30 minutes");
        assertEquals(-0.5, s.target(CAPACITY, AREA), 1e-15);
        assertEquals("0.5 mA cm-2", s.setpoint().text());
    }

    @Test
    void rest() {
        ExperimentStep s = ExperimentStep.parse("Rest for 1 hour");
        assertEquals(StepKind.REST, s.kind());
        assertEquals(Control.CURRENT, s.control());
        assertEquals(0.0, s.target(CAPACITY, AREA));
        assertEquals(3600.0, s.duration());
        assertNull(s.setpoint());
        ExperimentStep r = ExperimentStep.parse("rest until 3.5 V");
        assertEquals(List.of(3.5), r.voltageLimits());
    }

    @Test
    void holdUntilCRate() {
        ExperimentStep s = ExperimentStep.parse("Hold at 4.1 V until C/50");
        assertEquals(StepKind.HOLD, s.kind());
        assertEquals(Control.VOLTAGE, s.control());
        assertEquals(4.1, s.target(CAPACITY, AREA), 1e-15);
        assertEquals(1, s.currentLimits().size());
        assertEquals(0.05, s.currentLimits().get(0).resolve(CAPACITY, AREA), 1e-15);
        ExperimentStep m = ExperimentStep.parse("Hold at 4100 mV until 50 mA or 2 hours");
        assertEquals(4.1, m.target(CAPACITY, AREA), 1e-12);
        assertEquals(0.05, m.currentLimits().get(0).resolve(CAPACITY, AREA), 1e-15);
        assertEquals(7200.0, m.duration());
    }

    @Test
    void chargeUntilVoltageOrDuration() {
        ExperimentStep s = ExperimentStep.parse("Charge at C/3 until 4.1 V or 2 hours");
        assertEquals(-CAPACITY / 3, s.target(CAPACITY, AREA), 1e-15);
        assertEquals(List.of(4.1), s.voltageLimits());
        assertEquals(7200.0, s.duration());
    }

    @Test
    void dischargeAtPower() {
        ExperimentStep s = ExperimentStep.parse("Discharge at 2 W until 3.0 V");
        assertEquals(Control.POWER, s.control());
        assertEquals(2.0, s.target(CAPACITY, AREA));
        ExperimentStep c = ExperimentStep.parse("Charge at 500 mW for 10 minutes");
        assertEquals(Control.POWER, c.control());
        assertEquals(-0.5, c.target(CAPACITY, AREA), 1e-15);
        ExperimentStep d = ExperimentStep.parse("Discharge at 10 W/m2 for 1 h");
        assertEquals(Amount.Kind.POWER_DENSITY, d.setpoint().kind());
        assertEquals(1.0, d.target(CAPACITY, AREA), 1e-15);
    }

    @Test
    void dischargeForDurationOrUntilVoltage() {
        ExperimentStep s = ExperimentStep.parse("Discharge at 1 A for 10 minutes or until 3.3 V");
        assertEquals(Amount.Kind.CURRENT, s.setpoint().kind());
        assertEquals(1.0, s.target(CAPACITY, AREA));
        assertEquals(600.0, s.duration());
        assertEquals(List.of(3.3), s.voltageLimits());
        ExperimentStep t = ExperimentStep.parse("Discharge at 1 A until 3.3 V or until 3.4 V or for 1 hour");
        assertEquals(List.of(3.3, 3.4), t.voltageLimits());
        assertEquals(3600.0, t.duration());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "Discharge at 1C until 3 V; 2.5",
        "Discharge at 0.5C until 3 V; 1.25",
        "Discharge at 2 C until 3 V; 5.0",
        "Discharge at C/3 until 3 V; 0.8333333333333334",
        "Discharge at C/2.5 until 3 V; 1.0",
        "Discharge at 1 A until 3 V; 1.0",
        "Discharge at 250 mA until 3 V; 0.25",
        "Discharge at 10 A/m2 until 3 V; 1.0",
        "Discharge at 1 mA/cm2 until 3 V; 1.0",
        "DISCHARGE AT 1 mA cm-2 UNTIL 3 V; 1.0",
        "Discharge at 1C until 3.0V; 2.5",
    })
    void currentForms(String sentence, double amps) {
        assertEquals(amps, ExperimentStep.parse(sentence).target(CAPACITY, AREA), 1e-12);
    }

    @Test
    void outputPeriodForms() {
        assertEquals(10.0, ExperimentStep.parse("Discharge at 1C until 3 V, period 10 seconds").period());
        assertEquals(10.0, ExperimentStep.parse("Discharge at 1C until 3 V with period 10 s").period());
        assertEquals(60.0, ExperimentStep.parse("Rest for 1 hour (1 minute period)").period());
        assertEquals(30.0, ExperimentStep.parse("Rest for 1 hour period 30 s").period());
        assertTrue(Double.isNaN(ExperimentStep.parse("Rest for 1 hour").period()));
    }

    @Test
    void experimentBlocksAndSchedule() {
        Experiment e = Experiment.builder()
                .steps("Rest for 10 minutes")
                .block(2, "Charge at C/3 until 4.1 V", "Hold at 4.1 V until C/50", "Discharge at 1C until 3.0 V")
                .period(10)
                .build();
        List<Experiment.ScheduledStep> s = e.schedule();
        assertEquals(7, s.size());
        assertEquals(3, e.cycleCount());
        assertEquals(0, s.get(0).cycle());
        assertEquals(1, s.get(1).cycle());
        assertEquals(2, s.get(4).cycle());
        assertEquals(0, s.get(4).stepInCycle());
        assertEquals("Hold at 4.1 V until C/50", s.get(5).step().sentence());
        assertEquals(6, s.get(6).index());
        assertEquals(10.0, e.period());
        assertEquals(List.of("Rest for 10 minutes",
                "2 x [Charge at C/3 until 4.1 V; Hold at 4.1 V until C/50; Discharge at 1C until 3.0 V]"), e.describe());
        assertEquals(60.0, Experiment.parsePeriod("1 min"));
        assertThrows(IllegalArgumentException.class, () -> Experiment.parsePeriod("1 V"));
        assertThrows(IllegalArgumentException.class, () -> Experiment.builder().block(0, "Rest for 1 h"));
        assertThrows(IllegalArgumentException.class, () -> Experiment.builder().build());
    }

    // ---- errors: each names the problem and puts the caret under the offending word ----

    private static ExperimentException reject(String sentence) {
        return assertThrows(ExperimentException.class, () -> ExperimentStep.parse(sentence));
    }

    /** Asserts the caret line points at the last occurrence of {@code word} in the sentence. */
    private static void assertCaretUnder(ExperimentException e, String word) {
        int at = e.sentence().lastIndexOf(word);
        assertTrue(at >= 0, "test bug: '" + word + "' not in sentence");
        assertEquals(at, e.position(), e.getMessage());
        assertEquals(word.length(), e.length(), e.getMessage());
        String[] lines = e.getMessage().split("\n");
        assertEquals(3, lines.length, e.getMessage());
        assertEquals("  " + e.sentence(), lines[1]);
        assertEquals("  " + " ".repeat(at) + "^".repeat(word.length()), lines[2]);
    }

    @Test
    void unknownVerb() {
        ExperimentException e = reject("Dischrage at 1C until 3 V");
        assertCaretUnder(e, "Dischrage");
        assertEquals("unknown word 'Dischrage'; did you mean 'Discharge'?", e.problem());
        assertEquals("unknown word 'Chrage'; did you mean 'Charge'?", reject("Chrage at 1C until 4.1 V").problem());
        assertEquals("unknown word 'Rset'; did you mean 'Rest'?", reject("Rset for 1 hour").problem());
        assertEquals("unknown word 'hodl'; did you mean 'Hold'?", reject("hodl at 4.1 V until C/50").problem());
        e = reject("Stop at 1C until 3 V");
        assertCaretUnder(e, "Stop");
        assertTrue(e.problem().contains("expected 'Discharge', 'Charge', 'Rest', 'Hold' or 'EIS' at the start, found 'Stop'"), e.problem());
    }

    @Test
    void misspeltKeywordAfterTheVerbIsNamed() {
        ExperimentException e = reject("Rest fr 1 hour");
        assertCaretUnder(e, "fr");
        assertEquals("unknown word 'fr'; did you mean 'for'?", e.problem());
    }

    @Test
    void bareNumbersAreToldToCarryAUnit() {
        ExperimentException e = reject("Discharge at 0.5 until 3 V");
        assertCaretUnder(e, "0.5");
        assertTrue(e.problem().startsWith("'0.5' has no unit; expected a current such as 1C"), e.problem());
        assertTrue(e.problem().endsWith("(for a C-rate write '0.5C')"), e.problem());
        assertTrue(!e.problem().contains("dimensionless"), e.problem());
        e = reject("Discharge at 1C until 3");
        assertCaretUnder(e, "3");
        assertTrue(e.problem().startsWith("'3' has no unit; expected a limit: a voltage"), e.problem());
        e = reject("Hold at 4.1 until C/50");
        assertTrue(e.problem().startsWith("'4.1' has no unit; 'Hold at' expects a voltage"), e.problem());
        e = reject("Rest for 30");
        assertTrue(e.problem().startsWith("'30' has no unit; expected a duration"), e.problem());
        e = reject("Rest for 3 V");
        assertTrue(e.problem().startsWith("'3 V' is a voltage (m2.kg.s-3.A-1); expected a duration"), e.problem());
    }

    @Test
    void unknownUnitIsNamedOnceWithASuggestion() {
        ExperimentException e = reject("Rest for 1 hourz");
        assertCaretUnder(e, "1 hourz");
        assertTrue(e.problem().startsWith("unknown unit 'hourz'; did you mean 'hour'? Allowed: "), e.problem());
        assertTrue(!e.problem().contains("in 'hourz'"), e.problem());
    }

    @Test
    void missingAt() {
        ExperimentException e = reject("Discharge to 3 V");
        assertCaretUnder(e, "to");
        assertTrue(e.problem().contains("expected 'at' after 'Discharge', found 'to'"), e.problem());
    }

    @Test
    void missingAmount() {
        ExperimentException e = reject("Discharge at until 3 V");
        assertCaretUnder(e, "until");
        assertTrue(e.problem().contains("expected a current"), e.problem());
    }

    @Test
    void unknownUnitInAmount() {
        ExperimentException e = reject("Discharge at 1 Amp until 3 V");
        assertCaretUnder(e, "1 Amp");
        assertTrue(e.problem().contains("unknown unit 'Amp'"), e.problem());
    }

    @Test
    void voltageWhereCurrentExpected() {
        ExperimentException e = reject("Charge at 4.1 V for 1 hour");
        assertCaretUnder(e, "4.1 V");
        assertTrue(e.problem().contains("Hold at 4.1 V"), e.problem());
    }

    @Test
    void wrongDimensionForDuration() {
        ExperimentException e = reject("Rest for 3 V");
        assertCaretUnder(e, "3 V");
        assertTrue(e.problem().contains("expected a duration"), e.problem());
    }

    @Test
    void restWithoutEnd() {
        ExperimentException e = reject("Rest");
        assertEquals(4, e.position());
        assertTrue(e.problem().contains("a rest needs"), e.problem());
    }

    @Test
    void holdWithVoltageLimit() {
        ExperimentException e = reject("Hold at 4.1 V until 4.2 V");
        assertCaretUnder(e, "4.2 V");
        assertTrue(e.problem().contains("a hold imposes the voltage"), e.problem());
    }

    @Test
    void currentLimitOnCurrentStep() {
        ExperimentException e = reject("Discharge at 1C until C/50");
        assertCaretUnder(e, "C/50");
    }

    @Test
    void holdWithoutEnd() {
        assertTrue(reject("Hold at 4.1 V").problem().contains("a hold needs"));
    }

    @Test
    void trailingWord() {
        ExperimentException e = reject("Discharge at 1C until 3 V quickly");
        // "3 V quickly" is read as one quantity phrase: the unit 'quickly' is unknown
        assertCaretUnder(e, "3 V quickly");
        ExperimentException f = reject("Discharge at 1C until 3 V at 2 V");
        assertCaretUnder(f, "at");
        assertTrue(f.problem().contains("expected 'for', 'until', 'or' or 'period'"), f.problem());
    }

    @Test
    void misspeltKeywordIsNamed() {
        ExperimentException e = reject("Discharge at 1C untill 3.105 V");
        assertCaretUnder(e, "untill");
        assertTrue(e.problem().contains("unknown word 'untill'; did you mean 'until'?"), e.problem());
        assertCaretUnder(reject("Rest for 1 hour, perod 10 s"), "perod");
        assertCaretUnder(reject("Discharge at 1 A fr 10 minutes"), "fr");
        // a unit that looks like a keyword is still a unit
        assertEquals(3600.0, ExperimentStep.parse("Rest for 1 hr").duration());
    }

    @Test
    void negativeAndZeroAmounts() {
        assertCaretUnder(reject("Discharge at -1 A until 3 V"), "-1 A");
        assertCaretUnder(reject("Charge at 0C for 1 h"), "0C");
        assertCaretUnder(reject("Rest for 0 s"), "0 s");
    }

    @Test
    void twoDurations() {
        ExperimentException e = reject("Rest for 1 hour or for 2 hours");
        assertCaretUnder(e, "2 hours");
    }

    @Test
    void orWithoutClause() {
        assertCaretUnder(reject("Discharge at 1C or until 3 V"), "or");
    }

    @Test
    void endOfSentence() {
        ExperimentException e = reject("Discharge at");
        assertEquals("Discharge at".length(), e.position());
        assertTrue(e.problem().contains("found the end of the sentence"), e.problem());
        assertThrows(ExperimentException.class, () -> ExperimentStep.parse("  "));
    }

    @Test
    void badPeriod() {
        assertCaretUnder(reject("Rest for 1 hour, period 3 V"), "3 V");
        assertCaretUnder(reject("Rest for 1 hour (10 s period) for 2 h"), "for");
        assertCaretUnder(reject("Rest for 1 hour, soon"), "soon");
    }

    @Test
    void aDurationAfterUntilIsRefusedAsAMistypedLimit() {
        ExperimentException e = org.junit.jupiter.api.Assertions.assertThrows(ExperimentException.class,
                () -> ExperimentStep.parse("Discharge at 1C until 3.2 hour"));
        assertTrue(e.getMessage().contains("'until 3.2 hour' gives a duration where a limit belongs")
                && e.getMessage().contains("write 'for 3.2 hour'"), e.getMessage());
        assertEquals(22, e.position());
        // a bare duration after 'or' keeps its meaning
        assertEquals(7200.0, ExperimentStep.parse("Charge at C/3 until 4.1 V or 2 hours").duration(), 0.0);
    }
}
