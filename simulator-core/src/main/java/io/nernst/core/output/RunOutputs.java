package io.nernst.core.output;

import io.nernst.core.simulation.Solution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes all files of a run into one directory: {@code timeseries.csv}, optionally
 * {@code fields.csv}, {@code voltage.png} and {@code profiles.png} (fields and plot both
 * on), and last {@code summary.json} (which lists the others), each atomically.
 */
public final class RunOutputs {

    /** File names. */
    public static final String TIMESERIES = "timeseries.csv";
    /** Field snapshots. */
    public static final String FIELDS = "fields.csv";
    /** Voltage plot. */
    public static final String PLOT = "voltage.png";
    /** Field profiles plot. */
    public static final String PROFILES = "profiles.png";
    /** Run summary. */
    public static final String SUMMARY = "summary.json";
    /** Every name a run writes (what {@link OutputSet#begin} may replace). */
    public static final java.util.Set<String> NAMES = java.util.Set.of(TIMESERIES, FIELDS, PLOT, PROFILES, SUMMARY);

    private RunOutputs() {
    }

    /**
     * Writes the outputs.
     *
     * @return the paths written, summary last
     */
    public static List<Path> write(Path directory, RunInfo info, Solution solution, boolean plot, boolean fields) {
        List<Path> written = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Path ts = directory.resolve(TIMESERIES);
        TimeseriesCsv.write(ts, solution);
        written.add(ts);
        names.add(TIMESERIES);
        if (fields && !solution.snapshots().isEmpty()) {
            Path f = directory.resolve(FIELDS);
            TimeseriesCsv.writeFields(f, solution.snapshots());
            written.add(f);
            names.add(FIELDS);
        }
        if (plot) {
            Path p = directory.resolve(PLOT);
            if (VoltagePlot.write(p, solution, info.model() + " / " + info.parameterSet())) {
                written.add(p);
                names.add(PLOT);
            }
        }
        if (plot && fields) {
            Path p = directory.resolve(PROFILES);
            if (ProfilesPlot.write(p, solution.snapshots())) {
                written.add(p);
                names.add(PROFILES);
            }
        }
        Path summary = directory.resolve(SUMMARY);
        SummaryJson.write(summary, info, solution, names);
        written.add(summary);
        return written;
    }
}
