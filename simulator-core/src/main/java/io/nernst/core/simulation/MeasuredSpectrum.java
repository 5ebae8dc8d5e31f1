package io.nernst.core.simulation;

import io.nernst.core.impedance.ImpedanceSpectrum;

/**
 * An impedance spectrum taken by an EIS step, with the step and the state it was taken at.
 *
 * @param stepIndex index of the step in the schedule (0-based)
 * @param cycle     cycle of the step (0-based)
 * @param sentence  the step sentence
 * @param time      simulation time [s]
 * @param voltage   terminal voltage at the state [V]
 * @param current   terminal current at the state [A] (the DC bias the spectrum is taken about)
 * @param spectrum  the impedance
 */
public record MeasuredSpectrum(int stepIndex, int cycle, String sentence, double time, double voltage, double current,
                               ImpedanceSpectrum spectrum) {
}
