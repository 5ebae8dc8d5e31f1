package io.nernst.core.impedance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.experiment.Experiment;
import io.nernst.core.experiment.ExperimentException;
import io.nernst.core.experiment.ExperimentStep;
import io.nernst.core.experiment.StepKind;
import io.nernst.core.output.RunInfo;
import io.nernst.core.output.RunOutputs;
import io.nernst.core.simulation.MeasuredSpectrum;
import io.nernst.core.simulation.Simulation;
import io.nernst.core.simulation.Solution;
import io.nernst.core.simulation.SolverOptions;
import io.nernst.core.simulation.StepEnd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "EIS from ... to ..., N per decade" sentence, its step in the simulation loop and its outputs. */
class EisStepTest {

    @Test
    void parsesTheSentence() {
        ExperimentStep s = ExperimentStep.parse("EIS from 1 MHz to 10 mHz, 10 per decade");
        assertEquals(StepKind.EIS, s.kind());
        assertEquals(1e6, s.sweep().from(), 0.0);
        assertEquals(1e-2, s.sweep().to(), 1e-18);
        assertEquals(81, s.sweep().frequencies().length);
        assertEquals(5 * 6 + 1, ExperimentStep.parse("eis from 100 kHz to 0.1 Hz 5 per decade").sweep().frequencies().length);
        assertEquals(10, ExperimentStep.parse("EIS from 1 kHz to 1 Hz").sweep().perDecade());
    }

    @Test
    void refusesBadSweepsWithACaret() {
        ExperimentException e = assertThrows(ExperimentException.class, () -> ExperimentStep.parse("EIS from 1 MHz to 10 mV"));
        assertTrue(e.getMessage().contains("'10 mV' is a voltage") && e.getMessage().contains("^"), e.getMessage());
        e = assertThrows(ExperimentException.class, () -> ExperimentStep.parse("EIS from 1 kHz to 1 kHz"));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(ExperimentException.class, () -> ExperimentStep.parse("EIS from 1 kHz to 1 Hz, ten per decade"));
        assertTrue(e.getMessage().contains("points per decade"), e.getMessage());
        e = assertThrows(ExperimentException.class, () -> ExperimentStep.parse("EIZ from 1 kHz to 1 Hz"));
        assertTrue(e.getMessage().contains("did you mean 'EIS'"), e.getMessage());
    }

    @Test
    void runsInTheLoopAndWritesOutputs(@TempDir Path dir) throws Exception {
        RandlesWarburgModel m = new RandlesWarburgModel(0.01, 0.02, 5.0, 0.05 * 1e-12 / 1e-5, 1e-5, 1e-12, false, 80);
        Experiment e = Experiment.of(List.of("Discharge at 0.5 A for 10 s", "Rest for 1 s",
                "EIS from 10 kHz to 1 mHz, 4 per decade"), 1, Double.NaN);
        Solution s = new Simulation(m, e, SolverOptions.defaults()).run();
        assertEquals(Solution.Status.COMPLETED, s.status(), s.failure());
        assertEquals(1, s.spectra().size());
        MeasuredSpectrum ms = s.spectra().get(0);
        assertEquals(2, ms.stepIndex());
        assertEquals(StepEnd.SPECTRUM_TAKEN, s.steps().get(2).end());
        ImpedanceSpectrum z = ms.spectrum();
        assertEquals(29, z.size());
        for (int k = 0; k < z.size(); k++) {
            double[] exact = m.exact(z.frequency(k));
            double err = Math.hypot(z.real(k) - exact[0], z.imaginary(k) - exact[1]) / Math.hypot(exact[0], exact[1]);
            assertTrue(err < 2e-3, "at " + z.frequency(k) + " Hz: " + err);
        }
        RunOutputs.write(dir, new RunInfo("Randles", "test", Map.of(), List.of(), Map.of()), s, true, false);
        List<String> lines = Files.readAllLines(dir.resolve(RunOutputs.IMPEDANCE));
        assertEquals(30, lines.size());
        assertTrue(lines.get(0).startsWith("Step,Cycle,Time [s],Voltage [V],Current [A],Frequency [Hz],Z' [Ohm]"), lines.get(0));
        String[] first = lines.get(1).split(",");
        assertEquals("3", first[0]);
        assertEquals(1e4, Double.parseDouble(first[5]), 1e-6);
        assertEquals(z.real(0), Double.parseDouble(first[6]), 0.0);
        assertTrue(Files.size(dir.resolve(RunOutputs.NYQUIST)) > 1000);
        assertTrue(Files.size(dir.resolve(RunOutputs.BODE)) > 1000);
        assertTrue(Files.readString(dir.resolve(RunOutputs.SUMMARY)).contains(RunOutputs.IMPEDANCE));
    }
}
