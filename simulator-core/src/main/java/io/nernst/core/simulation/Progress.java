package io.nernst.core.simulation;

/**
 * A progress report of a running simulation, sent after every accepted integrator step and
 * at the start and end of every experiment step.
 *
 * <p>How long the running step will take is known exactly only when it ends on its own
 * duration; {@link #stepExpectedDuration} says what is known and {@link #stepDurationEstimated}
 * whether it is a guess (see {@link #stepExpectedDuration}).
 *
 * @param stepIndex             0-based index of the running step
 * @param stepCount             number of steps in the run
 * @param cycle                 0-based cycle number
 * @param sentence              the running step's sentence
 * @param time                  [s] from the start of the run
 * @param stepElapsed           [s] since the start of the running step
 * @param stepTimeLimit         the running step's time limit [s] (its duration or the default)
 * @param stepExpectedDuration  [s] how long the running step is expected to last: its duration
 *                              when it ends only on time; for a constant-current step with a
 *                              voltage limit, the time to pass the nominal capacity at that
 *                              current (3600 / C-rate s) when that comes before its duration
 *                              (an estimate: the cut-off is usually reached a little before or
 *                              after); NaN when nothing is known (holds ending at a current,
 *                              rests ending at a voltage, power steps without a duration)
 * @param stepDurationEstimated true when {@code stepExpectedDuration} is the nominal-capacity
 *                              estimate rather than the step's own duration
 * @param voltage               [V]
 * @param current               [A]
 * @param capacity              discharge capacity so far [A.h]
 */
public record Progress(int stepIndex, int stepCount, int cycle, String sentence, double time, double stepElapsed,
                       double stepTimeLimit, double stepExpectedDuration, boolean stepDurationEstimated,
                       double voltage, double current, double capacity) {

    /** Receives progress reports; must be quick (it runs on the simulation thread). */
    @FunctionalInterface
    public interface Listener {
        /** Called with each report. */
        void progress(Progress p);
    }
}
