package io.nernst.models.assembly;

import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Arrays;

/**
 * Writes a sparse Jacobian from a sequence of {@code add(row, column, value)} calls whose
 * order does not depend on the state. The first pass, in recording mode, collects the
 * (row, column) pairs and builds the {@link CsrMatrix} pattern; every later pass looks the
 * k-th entry's slot up in a table, so refilling allocates nothing and does no searching.
 * Repeated (row, column) pairs are summed.
 *
 * <p>Usage: run the model's Jacobian code once with {@link #startRecording()} ... {@link
 * #finishRecording(int)}, then for each evaluation {@link #begin(CsrMatrix)}, the same add
 * calls, {@link #end()}.
 */
public final class JacobianRecorder {
    private int[] rows = new int[1024];
    private int[] columns = new int[1024];
    private int count;
    private boolean recording;
    private int[] slots;
    private CsrMatrix pattern;
    private double[] values;
    private int cursor;

    /** Starts collecting the pattern. */
    public void startRecording() {
        recording = true;
        count = 0;
    }

    /** Adds value at (row, column): recorded in recording mode, accumulated otherwise. */
    public void add(int row, int column, double value) {
        if (recording) {
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, 2 * count);
                columns = Arrays.copyOf(columns, 2 * count);
            }
            rows[count] = row;
            columns[count] = column;
            count++;
            return;
        }
        values[slots[cursor++]] += value;
    }

    /** Ends recording and returns the pattern of an n x n matrix (values zero). */
    public CsrMatrix finishRecording(int dimension) {
        recording = false;
        pattern = CsrMatrix.fromTriplets(dimension, dimension, rows, columns, null, count);
        slots = pattern.slotsOf(rows, columns, count);
        rows = null;
        columns = null;
        return pattern;
    }

    /** The recorded pattern. */
    public CsrMatrix pattern() {
        return pattern;
    }

    /** Zeroes {@code target} (which must have the recorded pattern) and starts a refill. */
    public void begin(CsrMatrix target) {
        if (recording || pattern == null) {
            throw new IllegalStateException("the Jacobian pattern has not been recorded");
        }
        if (!target.samePattern(pattern)) {
            throw new IllegalArgumentException("Jacobian matrix " + target + " does not have the model's pattern " + pattern);
        }
        values = target.values();
        target.zeroValues();
        cursor = 0;
    }

    /** Checks that the refill made exactly the recorded number of add calls. */
    public void end() {
        if (cursor != slots.length) {
            throw new IllegalStateException("Jacobian refill made " + cursor + " entries, the pattern was recorded with " + slots.length);
        }
        values = null;
    }

    /** True while recording. */
    public boolean isRecording() {
        return recording;
    }
}
