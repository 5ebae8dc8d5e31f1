package io.nernst.core.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * Where and what a run writes.
 *
 * @param directory    output directory (created if missing)
 * @param plot         write voltage.png
 * @param fields       write fields.csv with field snapshots at the end of every step
 * @param fieldTimes   further snapshot times [s] from the start of the run
 */
public record OutputSettings(Path directory, boolean plot, boolean fields, List<Double> fieldTimes) {

    public OutputSettings {
        fieldTimes = List.copyOf(fieldTimes);
    }

    /** A copy writing into another directory. */
    public OutputSettings withDirectory(Path dir) {
        return new OutputSettings(dir, plot, fields, fieldTimes);
    }
}
