package io.nernst.core.analysis;

import io.nernst.core.impedance.ImpedanceSpectrum;
import io.nernst.core.text.NameSuggestions;
import io.nernst.core.units.Dimension;
import io.nernst.core.units.Unit;
import io.nernst.core.units.UnitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV table of measured or simulated data (Nernst outputs, cycler exports): a header row of
 * column names, then numbers; ',' ';' or tab separated, '#' comment lines skipped. Columns are
 * picked by name with units: a header such as {@code Z' [Ohm]} carries its unit; otherwise the
 * unit is given with the name, {@code Zre[mOhm]}. Values are converted to SI.
 */
public final class DataTable {
    private final Path source;
    private final List<String> names;
    private final double[][] columns;

    private DataTable(Path source, List<String> names, double[][] columns) {
        this.source = source;
        this.names = names;
        this.columns = columns;
    }

    /**
     * Reads a table.
     *
     * @throws AnalysisException on a missing file, no header, ragged or non-numeric rows
     */
    public static DataTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AnalysisException("cannot read " + file + ": " + e.getMessage());
        }
        List<String> content = new ArrayList<>();
        for (String l : lines) {
            if (!l.isBlank() && !l.startsWith("#")) {
                content.add(l);
            }
        }
        if (content.size() < 2) {
            throw new AnalysisException(file + " has no data: expected a header row and at least one row of numbers");
        }
        String header = content.get(0);
        String separator = header.contains("\t") ? "\t" : header.contains(";") ? ";" : ",";
        List<String> names = new ArrayList<>();
        for (String h : split(header, separator)) {
            names.add(h.trim());
        }
        int rows = content.size() - 1;
        double[][] cols = new double[names.size()][rows];
        for (int r = 0; r < rows; r++) {
            List<String> cells = split(content.get(r + 1), separator);
            if (cells.size() != names.size()) {
                throw new AnalysisException(file + " line " + (r + 2) + " has " + cells.size() + " fields, the header "
                        + names.size());
            }
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c).trim();
                try {
                    cols[c][r] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new AnalysisException(file + " line " + (r + 2) + ", column '" + names.get(c)
                            + "': '" + cell + "' is not a number");
                }
            }
        }
        return new DataTable(file, List.copyOf(names), cols);
    }

    private static List<String> split(String line, String separator) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (!quoted && line.startsWith(separator, i)) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    public List<String> names() {
        return names;
    }

    public int rows() {
        return columns.length == 0 ? 0 : columns[0].length;
    }

    /** True when a column of this name (exact, or before its bracketed unit) exists. */
    public boolean has(String name) {
        return find(name) >= 0;
    }

    private int find(String name) {
        int exact = names.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < names.size(); i++) {
            if (bare(names.get(i)).equalsIgnoreCase(name.trim())) {
                return i;
            }
        }
        return -1;
    }

    private static String bare(String header) {
        int b = header.lastIndexOf('[');
        return (b > 0 && header.endsWith("]") ? header.substring(0, b) : header).trim();
    }

    private static String unitOf(String text) {
        int b = text.lastIndexOf('[');
        return b >= 0 && text.endsWith("]") ? text.substring(b + 1, text.length() - 1).trim() : null;
    }

    /** A dimensionless column (e.g. "Step") by name, as is. */
    public double[] plain(String name) {
        int i = find(name);
        if (i < 0) {
            throw missing(name);
        }
        return columns[i].clone();
    }

    /**
     * A column in SI: {@code spec} is a header ("Z' [Ohm]"), a header's name without its unit
     * ("Z'"), or a name with a unit for a header that has none ("Zre[mOhm]").
     *
     * @throws AnalysisException when the column is missing, has no unit, or its unit is not a {@code what}
     */
    public double[] column(String spec, Dimension dimension, String what) {
        int i = find(spec);
        String unitText = null;
        if (i < 0) {
            String name = bare(spec);
            unitText = unitOf(spec);
            i = find(name);
            if (i < 0 || unitText == null) {
                throw missing(spec);
            }
        }
        String header = names.get(i);
        String headerUnit = unitOf(header);
        if (unitText == null) {
            unitText = headerUnit;
        }
        if (unitText == null) {
            throw new AnalysisException("column '" + header + "' of " + source + " has no unit; give it with the name,"
                    + " e.g. '" + header + "[" + dimension.exampleUnit() + "]'");
        }
        Unit unit;
        try {
            unit = Unit.parse(unitText);
        } catch (UnitException e) {
            throw new AnalysisException("column '" + header + "': " + e.getMessage());
        }
        if (!unit.dimension().equals(dimension)) {
            throw new AnalysisException("column '" + header + "' is in " + unitText + ", which is not a " + what
                    + " unit (expected e.g. " + dimension.exampleUnit() + ")");
        }
        double[] out = new double[rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = unit.toSi(columns[i][r]);
        }
        return out;
    }

    /** Resistance (impedance) dimension. */
    public static final Dimension OHM = Dimension.VOLTAGE.divide(Dimension.CURRENT);
    /** Frequency dimension. */
    public static final Dimension HERTZ = Dimension.TIME.power(-1);

    /**
     * An impedance spectrum from three columns.
     *
     * @param negativeImaginary the column holds -Z'' (as many instruments export)
     * @param step              with a "Step" column (Nernst's impedance.csv): the step number
     *                          (from 1) to take, or 0 when the table holds one spectrum
     */
    public ImpedanceSpectrum spectrum(String frequency, String real, String imaginary, boolean negativeImaginary,
            int step) {
        double[] f = column(frequency, HERTZ, "frequency");
        double[] re = column(real, OHM, "resistance");
        double[] im = column(imaginary, OHM, "resistance");
        boolean[] keep = new boolean[f.length];
        java.util.Arrays.fill(keep, true);
        if (has("Step")) {
            double[] steps = plain("Step");
            java.util.TreeSet<Integer> distinct = new java.util.TreeSet<>();
            for (double d : steps) {
                distinct.add((int) d);
            }
            if (step == 0 && distinct.size() > 1) {
                throw new AnalysisException(source + " holds spectra of steps " + distinct + "; choose one with --step");
            }
            if (step != 0) {
                if (!distinct.contains(step)) {
                    throw new AnalysisException("no spectrum of step " + step + " in " + source + "; steps: " + distinct);
                }
                for (int r = 0; r < f.length; r++) {
                    keep[r] = (int) steps[r] == step;
                }
            }
        } else if (step != 0) {
            throw new AnalysisException(source + " has no 'Step' column; omit --step");
        }
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        double[] ff = new double[n];
        double[] rr = new double[n];
        double[] ii = new double[n];
        int j = 0;
        for (int r = 0; r < f.length; r++) {
            if (keep[r]) {
                ff[j] = f[r];
                rr[j] = re[r];
                ii[j++] = negativeImaginary ? -im[r] : im[r];
            }
        }
        try {
            ImpedanceSpectrum z = ImpedanceSpectrum.of(ff, rr, ii);
            KramersKronig.requireMonotone(z);
            return z;
        } catch (IllegalArgumentException e) {
            throw e instanceof AnalysisException ? (AnalysisException) e : new AnalysisException(source + ": " + e.getMessage());
        }
    }

    private AnalysisException missing(String spec) {
        List<String> bareNames = new ArrayList<>();
        for (String n : names) {
            bareNames.add(bare(n));
        }
        String nearBare = NameSuggestions.closest(bare(spec), bareNames);
        String near = nearBare == null ? null : names.get(bareNames.indexOf(nearBare));
        return new AnalysisException("no column '" + spec + "' in " + source + (near != null ? "; did you mean '" + near
                + "'?" : "") + " Columns: " + String.join(", ", names));
    }
}
