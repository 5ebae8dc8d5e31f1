package io.nernst.core.experiment;

import io.nernst.core.model.Control;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One parsed step sentence, e.g. "Charge at C/3 until 4.1 V or 2 hours". Immutable and
 * independent of any model: C-rates and densities are resolved when the step runs.
 *
 * <p>The step ends at the first of: its duration (if any), any of its voltage limits (for
 * current, power and rest steps) and any of its current limits (for holds).
 *
 * @param sentence      the sentence as written
 * @param kind          verb of the sentence
 * @param setpoint      current, power or voltage imposed; {@code null} for a rest
 * @param duration      time limit [s], or {@code NaN} when the sentence gives none
 * @param voltageLimits voltage cut-offs [V] ("until 3.105 V")
 * @param currentLimits current cut-offs ("until C/50"), only for holds
 * @param period        output period [s] for this step, or {@code NaN} to use the experiment's
 * @param sweep         the frequencies of an EIS step, {@code null} for every other kind
 */
public record ExperimentStep(String sentence, StepKind kind, Amount setpoint, double duration,
                             List<Double> voltageLimits, List<Amount> currentLimits, double period,
                             FrequencySweep sweep) {

    /** A step that is not an EIS step. */
    public ExperimentStep(String sentence, StepKind kind, Amount setpoint, double duration,
                          List<Double> voltageLimits, List<Amount> currentLimits, double period) {
        this(sentence, kind, setpoint, duration, voltageLimits, currentLimits, period, null);
    }

    /** Parses a sentence; see {@link StepParser} for the grammar. */
    public static ExperimentStep parse(String sentence) {
        return StepParser.parse(sentence);
    }

    public ExperimentStep {
        voltageLimits = List.copyOf(voltageLimits);
        currentLimits = List.copyOf(currentLimits);
        if ((kind == StepKind.EIS) != (sweep != null)) {
            throw new IllegalArgumentException("an EIS step needs a frequency sweep and no other step has one");
        }
    }

    /** The control equation this step imposes. */
    public Control control() {
        if (kind == StepKind.HOLD) {
            return Control.VOLTAGE;
        }
        if (setpoint != null && setpoint.kind().isPower()) {
            return Control.POWER;
        }
        return Control.CURRENT;
    }

    /**
     * The signed control target in SI (A, V or W): positive on discharge, negative on
     * charge (physics.md section 0), zero for a rest (and for an EIS step, which keeps the
     * present current).
     */
    public double target(double nominalCapacity, double electrodeArea) {
        switch (kind) {
            case REST:
            case EIS:
                return 0.0;
            case CHARGE: return -setpoint.resolve(nominalCapacity, electrodeArea);
            default: return setpoint.resolve(nominalCapacity, electrodeArea);
        }
    }

    /** The time limit [s] when the sentence gives one. */
    public OptionalDouble durationIfGiven() {
        return Double.isNaN(duration) ? OptionalDouble.empty() : OptionalDouble.of(duration);
    }

    @Override
    public String toString() {
        return sentence;
    }
}
