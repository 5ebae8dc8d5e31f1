package io.nernst.core.simulation;

/**
 * A progress report of a running simulation, sent after every accepted integrator step and
 * at the start and end of every experiment step.
 *
 * @param stepIndex    0-based index of the running step
 * @param stepCount    number of steps in the run
 * @param cycle        0-based cycle number
 * @param sentence     the running step's sentence
 * @param time         [s] from the start of the run
 * @param stepElapsed  [s] since the start of the running step
 * @param stepTimeLimit the running step's time limit [s] (its duration or the default)
 * @param voltage      [V]
 * @param current      [A]
 * @param capacity     discharge capacity so far [A.h]
 */
public record Progress(int stepIndex, int stepCount, int cycle, String sentence, double time, double stepElapsed,
                       double stepTimeLimit, double voltage, double current, double capacity) {

    /** Receives progress reports; must be quick (it runs on the simulation thread). */
    @FunctionalInterface
    public interface Listener {
        /** Called with each report. */
        void progress(Progress p);
    }
}
