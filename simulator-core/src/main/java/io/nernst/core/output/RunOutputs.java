package io.nernst.core.output;

import io.nernst.core.simulation.Solution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes all files of a run into one directory: {@code timeseries.csv}, optionally
 * {@code fields.csv}, {@code voltage.png} and {@code profiles.png} (fields and plot both
 * on), {@code impedance.csv} with {@code nyquist.png} and {@code bode.png} when the run has
 * EIS steps, and last {@code summary.json} (which lists the others), each atomically.
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
    /** Impedance spectra of EIS steps. */
    public static final String IMPEDANCE = "impedance.csv";
    /** Nyquist plot of the spectra. */
    public static final String NYQUIST = "nyquist.png";
    /** Bode plot of the spectra. */
    public static final String BODE = "bode.png";
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
        if (!solution.spectra().isEmpty()) {
            Path z = directory.resolve(IMPEDANCE);
            ImpedanceOutputs.writeCsv(z, solution.spectra());
            written.add(z);
            names.add(IMPEDANCE);
            if (plot) {
                String title = info.model() + " / " + info.parameterSet();
                Path n = directory.resolve(NYQUIST);
                ImpedanceOutputs.writePng(n, ImpedanceOutputs.nyquist(solution.spectra(), title));
                written.add(n);
                names.add(NYQUIST);
                Path b = directory.resolve(BODE);
                ImpedanceOutputs.writePng(b, ImpedanceOutputs.bode(solution.spectra(), title));
                written.add(b);
                names.add(BODE);
            }
        }
        Path summary = directory.resolve(SUMMARY);
        SummaryJson.write(summary, info, solution, names);
        written.add(summary);
        return written;
    }
}
