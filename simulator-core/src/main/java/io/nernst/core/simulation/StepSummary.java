package io.nernst.core.simulation;

/**
 * What one experiment step did.
 *
 * @param index           0-based index of the step in the run (1-based in summary.json)
 * @param cycle           0-based cycle number (1-based in summary.json)
 * @param sentence        the step sentence
 * @param startTime       [s] from the start of the run
 * @param endTime         [s] from the start of the run
 * @param capacity        discharge capacity delivered during the step [A.h] (negative on charge)
 * @param energy          discharge energy delivered during the step [W.h] (negative on charge)
 * @param startVoltage    [V] after consistent initialisation
 * @param endVoltage      [V]
 * @param endCurrent      [A]
 * @param end             why the step ended
 * @param reason          the same in words, e.g. "voltage limit 3.105 V reached"
 * @param integratorSteps accepted integrator steps taken in this step
 */
public record StepSummary(int index, int cycle, String sentence, double startTime, double endTime,
                          double capacity, double energy, double startVoltage, double endVoltage,
                          double endCurrent, StepEnd end, String reason, long integratorSteps) {

    /** Duration of the step [s]. */
    public double duration() {
        return endTime - startTime;
    }
}
