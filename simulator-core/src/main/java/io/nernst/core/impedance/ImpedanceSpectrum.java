package io.nernst.core.impedance;

import java.util.Arrays;

/**
 * An impedance spectrum Z(f) = Z' + i Z'' [ohm] at frequencies f [Hz]. Sign convention of
 * electrochemistry: a capacitive response has Z'' &lt; 0 (Nyquist plots show -Z'' upward).
 * Immutable; arrays are copied in and out.
 */
public final class ImpedanceSpectrum {
    private final double[] frequency;
    private final double[] real;
    private final double[] imaginary;

    private ImpedanceSpectrum(double[] frequency, double[] real, double[] imaginary) {
        this.frequency = frequency;
        this.real = real;
        this.imaginary = imaginary;
    }

    /**
     * A spectrum from parallel arrays.
     *
     * @throws IllegalArgumentException on unequal lengths, no points, non-finite values or
     *                                  non-positive frequencies
     */
    public static ImpedanceSpectrum of(double[] frequency, double[] real, double[] imaginary) {
        if (frequency.length != real.length || frequency.length != imaginary.length) {
            throw new IllegalArgumentException("frequency, Z' and Z'' need equal lengths, got " + frequency.length
                    + ", " + real.length + " and " + imaginary.length);
        }
        if (frequency.length == 0) {
            throw new IllegalArgumentException("a spectrum needs at least one frequency");
        }
        for (int k = 0; k < frequency.length; k++) {
            if (!(frequency[k] > 0.0) || !Double.isFinite(frequency[k])) {
                throw new IllegalArgumentException("frequency " + k + " is " + frequency[k] + " Hz; allowed: finite and > 0");
            }
            if (!Double.isFinite(real[k]) || !Double.isFinite(imaginary[k])) {
                throw new IllegalArgumentException("impedance at " + frequency[k] + " Hz is not finite: Z' = " + real[k]
                        + ", Z'' = " + imaginary[k]);
            }
        }
        return new ImpedanceSpectrum(frequency.clone(), real.clone(), imaginary.clone());
    }

    /** Number of frequencies. */
    public int size() {
        return frequency.length;
    }

    public double frequency(int k) {
        return frequency[k];
    }

    /** Z' [ohm]. */
    public double real(int k) {
        return real[k];
    }

    /** Z'' [ohm]. */
    public double imaginary(int k) {
        return imaginary[k];
    }

    /** |Z| [ohm]. */
    public double modulus(int k) {
        return Math.hypot(real[k], imaginary[k]);
    }

    /** Phase of Z [degree], in (-180, 180]. */
    public double phaseDegrees(int k) {
        return Math.toDegrees(Math.atan2(imaginary[k], real[k]));
    }

    public double[] frequencies() {
        return frequency.clone();
    }

    public double[] reals() {
        return real.clone();
    }

    public double[] imaginaries() {
        return imaginary.clone();
    }

    @Override
    public String toString() {
        return "ImpedanceSpectrum" + Arrays.toString(frequency);
    }
}
