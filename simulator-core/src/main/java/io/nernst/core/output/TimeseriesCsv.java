package io.nernst.core.output;

import io.nernst.core.simulation.FieldSnapshot;
import io.nernst.core.simulation.Solution;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * CSV writers: {@code timeseries.csv} (one column per named output, header = names with
 * units, one row per recorded time) and {@code fields.csv} (long format: one row per
 * snapshot position). Numbers are written with full double precision; names containing a
 * comma or quote are quoted (RFC 4180).
 *
 * <p>Cycles and steps are numbered from 1 in the files, as the printed summary and a modeler
 * count them; the Java objects ({@link Solution#CYCLE}, {@link Solution#STEP},
 * {@link FieldSnapshot#stepIndex()}) keep 0-based indices, converted here at the edge.
 */
public final class TimeseriesCsv {

    private TimeseriesCsv() {
    }

    /** Writes the time series atomically. */
    public static void write(Path file, Solution solution) {
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            header(w, solution.names());
            int cols = solution.columns();
            int cycleColumn = solution.names().indexOf(Solution.CYCLE);
            int stepColumn = solution.names().indexOf(Solution.STEP);
            for (int r = 0; r < solution.rows(); r++) {
                for (int c = 0; c < cols; c++) {
                    if (c > 0) {
                        w.write(',');
                    }
                    double v = solution.value(r, c);
                    w.write(number(c == cycleColumn || c == stepColumn ? v + 1 : v));
                }
                w.write('\n');
            }
            w.flush();
        });
    }

    /** Writes the field snapshots atomically in long format. */
    public static void writeFields(Path file, List<FieldSnapshot> snapshots) {
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            header(w, List.of("Time [s]", "Step", "Field", "Axis", "Position", "Value"));
            for (FieldSnapshot s : snapshots) {
                for (int i = 0; i < s.values().length; i++) {
                    w.write(number(s.time()));
                    w.write(',');
                    w.write(Integer.toString(s.stepIndex() + 1));
                    w.write(',');
                    w.write(quote(s.name()));
                    w.write(',');
                    w.write(quote(s.axisName()));
                    w.write(',');
                    w.write(number(s.positions()[i]));
                    w.write(',');
                    w.write(number(s.values()[i]));
                    w.write('\n');
                }
            }
            w.flush();
        });
    }

    private static void header(Writer w, List<String> names) throws java.io.IOException {
        for (int c = 0; c < names.size(); c++) {
            if (c > 0) {
                w.write(',');
            }
            w.write(quote(names.get(c)));
        }
        w.write('\n');
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
