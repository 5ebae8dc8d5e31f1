package io.nernst.core.experiment;

/** The verb of an experiment step sentence. */
public enum StepKind {
    /** "Discharge at ...": positive current or power. */
    DISCHARGE,
    /** "Charge at ...": negative current or power. */
    CHARGE,
    /** "Rest for ...": zero current. */
    REST,
    /** "Hold at 4.1 V ...": voltage control. */
    HOLD,
    /** Small-signal impedance spectrum at the present state ("EIS from 1 MHz to 10 mHz, 10 per decade"). */
    EIS
}
