package io.nernst.core.study;

/**
 * Runs a study's runs one at a time, on one thread. An engine makes one per worker thread, so an
 * executor may keep what consecutive runs share (parsed base scenario, parameter set, model structure) as
 * long as every run's results depend only on its inputs, never on what ran before it.
 */
public interface RunExecutor {

    /**
     * Runs one point. Never throws for a failing run: failures are returned as {@link RunRecord.Status#FAILED}
     * records with their kind and message.
     */
    RunRecord run(RunPoint point);
}
