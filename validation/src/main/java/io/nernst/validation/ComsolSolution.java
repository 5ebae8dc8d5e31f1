package io.nernst.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A COMSOL reference solution of the Marquis et al. 2019 DFN comparison
 * (shared/validation/comsol-marquis2019/comsol_*.json). Fields are indexed [position][time],
 * SI units.
 */
public final class ComsolSolution {
    public final double[] time;
    public final double[] voltage;
    public final double[] x;
    public final double[] xNegative;
    public final double[] xPositive;
    public final double[][] electrolyteConcentration;
    public final double[][] electrolytePotential;
    public final double[][] negativeSurfaceConcentration;
    public final double[][] positiveSurfaceConcentration;

    private ComsolSolution(JsonNode root, Path file) {
        time = vector(root, "time", file);
        voltage = vector(root, "voltage", file);
        x = vector(root, "x", file);
        xNegative = vector(root, "x_n", file);
        xPositive = vector(root, "x_p", file);
        electrolyteConcentration = matrix(root, "c_e", file);
        electrolytePotential = matrix(root, "phi_e", file);
        negativeSurfaceConcentration = matrix(root, "c_n_surf", file);
        positiveSurfaceConcentration = matrix(root, "c_p_surf", file);
        if (voltage.length != time.length || electrolyteConcentration.length != x.length
                || electrolyteConcentration[0].length != time.length) {
            throw new IllegalArgumentException(file + ": inconsistent array sizes (time " + time.length + ", voltage "
                    + voltage.length + ", x " + x.length + ", c_e " + electrolyteConcentration.length + " x "
                    + electrolyteConcentration[0].length + ")");
        }
    }

    /** Reads one COMSOL JSON file. */
    public static ComsolSolution read(Path file) {
        try {
            return new ComsolSolution(new ObjectMapper().readTree(file.toFile()), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read COMSOL reference " + file, e);
        }
    }

    /** The column of a field at time index k. */
    public static double[] column(double[][] field, int k) {
        double[] c = new double[field.length];
        for (int i = 0; i < field.length; i++) {
            c[i] = field[i][k];
        }
        return c;
    }

    /** Index of the stored time closest to t. */
    public int timeIndex(double t) {
        int best = 0;
        for (int k = 1; k < time.length; k++) {
            if (Math.abs(time[k] - t) < Math.abs(time[best] - t)) {
                best = k;
            }
        }
        return best;
    }

    private static double[] vector(JsonNode root, String key, Path file) {
        JsonNode n = root.get(key);
        if (n == null || !n.isArray()) {
            throw new IllegalArgumentException(file + ": missing array '" + key + "'");
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asDouble();
        }
        return v;
    }

    private static double[][] matrix(JsonNode root, String key, Path file) {
        JsonNode n = root.get(key);
        if (n == null || !n.isArray() || n.size() == 0 || !n.get(0).isArray()) {
            throw new IllegalArgumentException(file + ": missing 2-D array '" + key + "'");
        }
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonNode row = n.get(i);
            m[i] = new double[row.size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = row.get(j).asDouble();
            }
        }
        return m;
    }
}
