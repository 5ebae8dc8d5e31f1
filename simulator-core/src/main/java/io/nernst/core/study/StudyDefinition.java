package io.nernst.core.study;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A study as read from its file by {@link StudyLoader}: the base scenario (with the study's {@code set}
 * edits applied), what varies and how it is sampled, the metrics, and what to keep. Serializable so that
 * a cluster engine can ship it to its workers.
 *
 * @param name           study name (the file name without extension unless given)
 * @param description    free text
 * @param source         the study file, for messages
 * @param baseDirectory  directory of the base scenario (relative files it names are resolved there)
 * @param kind           cell run or deposition run
 * @param baseSource     the base scenario file, for messages
 * @param baseYaml       the base scenario's YAML after the study's {@code set} edits
 * @param design         how the runs are chosen
 * @param samples        number of runs of a sampled design (0 for grid and zip)
 * @param seed           seed of a sampled design
 * @param variables      the varied inputs, in file order (the first varies slowest in a grid)
 * @param metrics        the declared metrics, in file order
 * @param keepTimeseries whether every run writes its time series under {@code runs/}
 * @param timeoutSeconds wall-clock limit per run [s] (infinite = none)
 * @param hash           SHA-256 of the study file and the base scenario's text, to detect a changed study on resume
 */
public record StudyDefinition(String name, String description, String source, String baseDirectory, Kind kind,
                              String baseSource, String baseYaml, Design design, int samples, long seed,
                              List<Variable> variables, List<MetricSpec> metrics, boolean keepTimeseries,
                              double timeoutSeconds, String hash) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the base scenario runs. */
    public enum Kind {
        /** A cell model through an experiment ({@code nernst run} scenario). */
        CELL,
        /** 2D lithium deposition ({@code nernst deposit} scenario). */
        DEPOSITION
    }

    /** How runs are chosen. */
    public enum Design {
        GRID("grid"), ZIP("zip"), RANDOM("random"), LATIN_HYPERCUBE("latin-hypercube"), SOBOL("sobol");

        private final String word;

        Design(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** Whether runs are drawn between bounds (rather than listed). */
        public boolean sampled() {
            return this != GRID && this != ZIP;
        }
    }

    public StudyDefinition {
        variables = List.copyOf(variables);
        metrics = List.copyOf(metrics);
    }

    /** The store's input columns, in variable order. */
    public List<String> inputColumns() {
        List<String> out = new ArrayList<>();
        for (Variable v : variables) {
            out.add(v.column());
        }
        return out;
    }

    /**
     * The number of runs the design makes (a long: a grid can overflow an int).
     */
    public long runCount() {
        switch (design) {
            case GRID: {
                long n = 1;
                for (Variable v : variables) {
                    n = Math.multiplyHigh(n, v.values().size()) != 0 ? Long.MAX_VALUE : n * v.values().size();
                    if (n == Long.MAX_VALUE || n < 0) {
                        return Long.MAX_VALUE;
                    }
                }
                return n;
            }
            case ZIP:
                return variables.isEmpty() ? 1 : variables.get(0).values().size();
            default:
                return samples;
        }
    }
}
