package io.nernst.core.experiment;

import io.nernst.core.impedance.Frequencies;

/**
 * The frequencies of an EIS step: {@code perDecade} logarithmically spaced points from
 * {@code from} to {@code to} [Hz] (either direction, both ends included when the span is a
 * whole number of steps).
 */
public record FrequencySweep(double from, double to, int perDecade) {

    /** Checks the range; see {@link Frequencies#logarithmic}. */
    public FrequencySweep {
        Frequencies.logarithmic(from, to, perDecade);
    }

    /** The frequencies [Hz] in sweep order. */
    public double[] frequencies() {
        return Frequencies.logarithmic(from, to, perDecade);
    }
}
