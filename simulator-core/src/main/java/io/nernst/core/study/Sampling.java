package io.nernst.core.study;

import io.nernst.core.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * The runs of a study's design, in a fixed order that depends only on the study file (never on threads):
 * <ul>
 *   <li>grid: the Cartesian product, the first variable varying slowest;</li>
 *   <li>zip: the i-th value of every variable together;</li>
 *   <li>random: independent uniform draws in [0, 1) per variable and run (SplittableRandom from the seed);</li>
 *   <li>latin-hypercube: each variable's range cut into {@code samples} equal strata, one draw in each, strata
 *       paired across variables by seeded random permutations (McKay, Beckman and Conover, Technometrics 21
 *       (1979) 239);</li>
 *   <li>sobol: the Sobol' sequence with Joe and Kuo's direction numbers (Hipparchus), its first point (the
 *       origin) skipped, randomised by a seeded digital shift (an XOR of every coordinate's binary digits with
 *       one random word per dimension, which keeps the (t, m, s)-net property; Owen, 2003).</li>
 * </ul>
 * A unit-cube coordinate u becomes {@code from + u (to - from)}, or {@code from (to/from)^u} on a log scale.
 */
public final class Sampling {

    /** Studies larger than this need {@code --force}. */
    public static final long MAX_RUNS_WITHOUT_FORCE = 100_000;
    /** A hard limit: run indices are ints and every point is held in memory. */
    public static final long MAX_RUNS = 50_000_000;

    private static final int SOBOL_BITS = 52;

    private Sampling() {
    }

    /**
     * Every run point of the study.
     *
     * @param force allow more than {@link #MAX_RUNS_WITHOUT_FORCE} runs
     * @throws ScenarioException for a study that is too large, saying how many runs it makes
     */
    public static List<RunPoint> points(StudyDefinition study, boolean force) {
        long count = study.runCount();
        if (count > MAX_RUNS || (!force && count > MAX_RUNS_WITHOUT_FORCE)) {
            throw new ScenarioException(study.source() + ": the " + study.design().word() + " makes "
                    + (count == Long.MAX_VALUE ? "more than 9e18" : String.format("%,d", count)) + " runs, more than "
                    + String.format("%,d", count > MAX_RUNS ? MAX_RUNS : MAX_RUNS_WITHOUT_FORCE)
                    + (count > MAX_RUNS ? " (the limit)" : "; run with --force to allow it"));
        }
        int n = (int) count;
        List<Variable> vars = study.variables();
        int d = vars.size();
        List<RunPoint> out = new ArrayList<>(n);
        switch (study.design()) {
            case GRID -> {
                int[] digit = new int[d];
                for (int i = 0; i < n; i++) {
                    out.add(listed(i, vars, digit));
                    for (int j = d - 1; j >= 0; j--) {
                        if (++digit[j] < vars.get(j).values().size()) {
                            break;
                        }
                        digit[j] = 0;
                    }
                }
            }
            case ZIP -> {
                int[] digit = new int[d];
                for (int i = 0; i < n; i++) {
                    java.util.Arrays.fill(digit, i);
                    out.add(listed(i, vars, digit));
                }
            }
            case RANDOM -> {
                SplittableRandom random = new SplittableRandom(study.seed());
                double[] u = new double[d];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        u[j] = random.nextDouble();
                    }
                    out.add(sampled(i, vars, u));
                }
            }
            case LATIN_HYPERCUBE -> {
                SplittableRandom random = new SplittableRandom(study.seed());
                double[][] u = new double[d][n];
                for (int j = 0; j < d; j++) {
                    int[] perm = new int[n];
                    for (int i = 0; i < n; i++) {
                        perm[i] = i;
                    }
                    for (int i = n - 1; i > 0; i--) {
                        int k = random.nextInt(i + 1);
                        int t = perm[i];
                        perm[i] = perm[k];
                        perm[k] = t;
                    }
                    for (int i = 0; i < n; i++) {
                        u[j][i] = (perm[i] + random.nextDouble()) / n;
                    }
                }
                double[] ui = new double[d];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        ui[j] = u[j][i];
                    }
                    out.add(sampled(i, vars, ui));
                }
            }
            case SOBOL -> {
                if (d > 1000) {
                    throw new ScenarioException(study.source() + ": sobol supports at most 1000 varied inputs");
                }
                SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
                sobol.nextVector(); // the origin
                SplittableRandom random = new SplittableRandom(study.seed());
                long[] shift = new long[d];
                for (int j = 0; j < d; j++) {
                    shift[j] = random.nextLong() >>> (64 - SOBOL_BITS);
                }
                double scale = Math.scalb(1.0, SOBOL_BITS);
                double[] u = new double[d];
                for (int i = 0; i < n; i++) {
                    double[] x = sobol.nextVector();
                    for (int j = 0; j < d; j++) {
                        long bits = (long) (x[j] * scale);
                        u[j] = ((bits ^ shift[j]) + 0.5) / scale;
                    }
                    out.add(sampled(i, vars, u));
                }
            }
            default -> throw new IllegalStateException(study.design().toString());
        }
        return out;
    }

    private static RunPoint listed(int index, List<Variable> vars, int[] digit) {
        List<String> texts = new ArrayList<>(vars.size());
        double[] numbers = new double[vars.size()];
        for (int j = 0; j < vars.size(); j++) {
            Variable v = vars.get(j);
            String text = v.values().get(digit[j]);
            texts.add(text);
            numbers[j] = StudyLoader.numberIn(text, v.unit(), v.name());
        }
        return new RunPoint(index, texts, numbers);
    }

    private static RunPoint sampled(int index, List<Variable> vars, double[] u) {
        List<String> texts = new ArrayList<>(vars.size());
        double[] numbers = new double[vars.size()];
        for (int j = 0; j < vars.size(); j++) {
            Variable v = vars.get(j);
            double x = v.scale() == Variable.Scale.LOG ? v.from() * Math.pow(v.to() / v.from(), u[j])
                    : v.from() + u[j] * (v.to() - v.from());
            numbers[j] = x;
            texts.add(v.text(x));
        }
        return new RunPoint(index, texts, numbers);
    }
}
