package io.nernst.core.study;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A declared metric: computed inside each run from its results (never re-read from files) and stored as
 * one column.
 *
 * @param name   the column name chosen in the study file
 * @param type   what is computed
 * @param step   1-based step number for per-step metrics (0 = the type's default)
 * @param cycle  1-based cycle number for per-cycle metrics (0 = whole run)
 * @param first  first cycle of a capacity retention (1-based)
 * @param last   last cycle of a capacity retention (0 = the run's last cycle)
 * @param column an output column, for {@link Type#VALUE}, {@link Type#MIN} and {@link Type#MAX}
 * @param height [m] the height of {@link Type#TIME_TO_HEIGHT}
 * @param unit   the unit the value is stored in (the metric's own unit unless the study asked for another)
 */
public record MetricSpec(String name, Type type, int step, int cycle, int first, int last, String column, double height,
                         String unit) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a metric computes; {@link #cell} and {@link #deposition} say which runs offer it. */
    public enum Type {
        DISCHARGE_CAPACITY("discharge capacity", "A.h", true, false),
        DISCHARGE_ENERGY("discharge energy", "W.h", true, false),
        CAPACITY_RETENTION("capacity retention", "", true, false),
        END_VOLTAGE("end voltage", "V", true, false),
        TIME_TO_CUTOFF("time to cutoff", "s", true, false),
        MAX_TEMPERATURE("max temperature", "K", true, false),
        MIN_ELECTROLYTE_CONCENTRATION("min electrolyte concentration", "mol.m-3", true, false),
        MAX_HEIGHT("max height", "m", false, true),
        HEIGHT_SPREAD_GROWTH("height spread growth", "", false, true),
        MAX_AMPLIFICATION("max amplification", "", false, true),
        TIME_TO_HEIGHT("time to height", "s", false, true),
        VALUE("value", null, true, true),
        MIN("min", null, true, true),
        MAX("max", null, true, true);

        private final String word;
        private final String nativeUnit;
        private final boolean cell;
        private final boolean deposition;

        Type(String word, String nativeUnit, boolean cell, boolean deposition) {
            this.word = word;
            this.nativeUnit = nativeUnit;
            this.cell = cell;
            this.deposition = deposition;
        }

        /** The name in study files. */
        public String word() {
            return word;
        }

        /** The unit of the computed value; null when it is the unit of the chosen column. */
        public String nativeUnit() {
            return nativeUnit;
        }

        public boolean cell() {
            return cell;
        }

        public boolean deposition() {
            return deposition;
        }

        /** The type by its study-file name (case and separators ignored), or null. */
        public static Type byWord(String text) {
            String t = normal(text);
            for (Type x : values()) {
                if (normal(x.word).equals(t)) {
                    return x;
                }
            }
            return null;
        }

        /** All study-file names. */
        public static List<String> words() {
            return Arrays.stream(values()).map(Type::word).toList();
        }

        private static String normal(String s) {
            return s.trim().toLowerCase(Locale.ROOT).replaceAll("[-_ ]+", " ").replace("cut off", "cutoff");
        }
    }

    /** The store's column name: {@code "name [unit]"} (or the name when dimensionless or already bracketed). */
    public String storeColumn() {
        return unit == null || unit.isEmpty() || name.contains("[") ? name : name + " [" + unit + "]";
    }
}
