package io.nernst.core.study;

import java.io.Serializable;
import java.util.List;

/**
 * What a study's runs are made of: the models module supplies cell and deposition runs
 * ({@code io.nernst.models.study.BuiltInStudyBackend}); tests supply their own. Serializable so that a
 * cluster engine can ship it to its executors.
 */
public interface StudyBackend extends Serializable {

    /**
     * Checks the study before any run: every varied name exists, every value on its own is accepted (with its
     * unit), every metric's column exists.
     *
     * @throws IllegalArgumentException (bad input) naming the input, value and what is allowed
     */
    void validate(StudyDefinition study, List<RunPoint> points);

    /**
     * A new executor for one worker thread.
     *
     * @param runsDirectory where kept per-run outputs go ({@code runs/run-000001/}), or null to keep none
     */
    RunExecutor executor(StudyDefinition study, String runsDirectory);
}
