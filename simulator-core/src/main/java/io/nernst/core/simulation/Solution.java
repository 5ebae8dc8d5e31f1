package io.nernst.core.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a simulation: a table of named scalar outputs over time (one row per
 * recorded time), per-step summaries, field snapshots, solver statistics and how the run
 * ended. A failed run keeps everything computed before the failure.
 *
 * <p>Columns: {@value #TIME}, {@value #CYCLE}, {@value #STEP}, {@value #CURRENT},
 * {@value #VOLTAGE}, {@value #POWER}, {@value #CAPACITY}, {@value #ENERGY}, then the
 * model's scalar outputs (those not already listed).
 */
public final class Solution {

    /** Time from the start of the run. */
    public static final String TIME = "Time [s]";
    /** Cycle number, 0-based here (written 1-based to timeseries.csv). */
    public static final String CYCLE = "Cycle";
    /** Experiment step index, 0-based here (written 1-based to timeseries.csv). */
    public static final String STEP = "Step";
    /** Terminal current, positive on discharge. */
    public static final String CURRENT = "Current [A]";
    /** Terminal voltage. */
    public static final String VOLTAGE = "Voltage [V]";
    /** Terminal power I V, positive on discharge. */
    public static final String POWER = "Power [W]";
    /** Time integral of the current from the start of the run. */
    public static final String CAPACITY = "Discharge capacity [A.h]";
    /** Time integral of the power from the start of the run. */
    public static final String ENERGY = "Discharge energy [W.h]";

    /** The loop's own columns, in order. */
    public static final List<String> LOOP_COLUMNS = List.of(TIME, CYCLE, STEP, CURRENT, VOLTAGE, POWER, CAPACITY, ENERGY);

    /** How a run ended. */
    public enum Status {
        /** Every step ran to one of its limits. */
        COMPLETED,
        /** The integrator failed; outputs up to the failure are kept. */
        SOLVER_FAILURE
    }

    private final String modelName;
    private final List<String> names;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final int[] modelColumns;
    private double[] data = new double[0];
    private int rows;
    private final List<StepSummary> steps = new ArrayList<>();
    private final List<FieldSnapshot> snapshots = new ArrayList<>();
    private final List<MeasuredSpectrum> spectra = new ArrayList<>();
    private final SolverStatistics statistics = new SolverStatistics();
    private Status status = Status.COMPLETED;
    private String failure;
    private transient Throwable failureCause;
    private double wallTime;

    /**
     * An empty solution.
     *
     * @param modelName        name of the model
     * @param modelOutputNames the model's scalar output names; names equal to a loop column are dropped
     */
    public Solution(String modelName, List<String> modelOutputNames) {
        this.modelName = modelName;
        List<String> all = new ArrayList<>(LOOP_COLUMNS);
        modelColumns = new int[modelOutputNames.size()];
        for (int i = 0; i < modelOutputNames.size(); i++) {
            String n = modelOutputNames.get(i);
            if (all.contains(n)) {
                modelColumns[i] = -1;
            } else {
                modelColumns[i] = all.size();
                all.add(n);
            }
        }
        this.names = Collections.unmodifiableList(all);
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
    }

    /** Model name. */
    public String modelName() {
        return modelName;
    }

    /** Column names with units, in order. */
    public List<String> names() {
        return names;
    }

    /** Number of recorded rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int columns() {
        return names.size();
    }

    /**
     * Index of a column.
     *
     * @throws IllegalArgumentException naming the column and listing the known ones
     */
    public int columnIndex(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no output named '" + name + "'; known: " + String.join(", ", names));
        }
        return i;
    }

    /** One value. */
    public double value(int row, int column) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        }
        return data[row * names.size() + column];
    }

    /** A copy of a column. */
    public double[] column(String name) {
        int c = columnIndex(name);
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = data[r * names.size() + c];
        }
        return out;
    }

    /** The values of the last row of a column (NaN when empty). */
    public double last(String name) {
        return rows == 0 ? Double.NaN : value(rows - 1, columnIndex(name));
    }

    /** Per-step summaries, in run order (steps not reached are absent). */
    public List<StepSummary> steps() {
        return Collections.unmodifiableList(steps);
    }

    /** Impedance spectra taken by EIS steps, in run order. */
    public List<MeasuredSpectrum> spectra() {
        return Collections.unmodifiableList(spectra);
    }

    /** Adds a spectrum taken by an EIS step. */
    public void addSpectrum(MeasuredSpectrum spectrum) {
        spectra.add(spectrum);
    }

    /** Field snapshots in time order. */
    public List<FieldSnapshot> snapshots() {
        return Collections.unmodifiableList(snapshots);
    }

    /** Integrator statistics summed over the run. */
    public SolverStatistics statistics() {
        return statistics;
    }

    /** How the run ended. */
    public Status status() {
        return status;
    }

    /** The failure description (time, step, residual), or null. */
    public String failure() {
        return failure;
    }

    /** Wall-clock duration of the run [s]. */
    public double wallTime() {
        return wallTime;
    }

    // ---- filled by the simulation loop (public so that other producers can assemble solutions) ----

    /**
     * Appends a row.
     *
     * @param loopValues   the {@link #LOOP_COLUMNS} values, in order
     * @param modelOutputs the model's scalar outputs in its own order
     */
    public void append(double[] loopValues, double[] modelOutputs) {
        int width = names.size();
        if ((rows + 1) * width > data.length) {
            data = Arrays.copyOf(data, Math.max(16 * width, 2 * data.length));
        }
        int base = rows * width;
        System.arraycopy(loopValues, 0, data, base, LOOP_COLUMNS.size());
        for (int i = 0; i < modelColumns.length; i++) {
            if (modelColumns[i] >= 0) {
                data[base + modelColumns[i]] = modelOutputs[i];
            }
        }
        rows++;
    }

    /** Adds a step summary. */
    public void addStep(StepSummary s) {
        steps.add(s);
    }

    /** Adds a field snapshot. */
    public void addSnapshot(FieldSnapshot s) {
        snapshots.add(s);
    }

    /** Marks the run as failed, with where and why. */
    public void fail(String description) {
        fail(description, null);
    }

    /** Marks the run as failed, with where and why, keeping the exception for debugging. */
    public void fail(String description, Throwable cause) {
        status = Status.SOLVER_FAILURE;
        failure = description;
        failureCause = cause;
    }

    /** The exception that ended a failed run, or null. */
    public Throwable failureCause() {
        return failureCause;
    }

    /** Records the wall-clock duration [s]. */
    public void wallTime(double seconds) {
        wallTime = seconds;
    }
}
