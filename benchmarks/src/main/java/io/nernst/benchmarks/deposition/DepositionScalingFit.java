package io.nernst.benchmarks.deposition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a JMH JSON result of {@link DepositionStepBenchmark} and/or {@link MultigridSolveBenchmark}
 * and prints, per benchmark, time against the number of cells N and the least-squares exponent p of
 * {@code time ~ N^p}. Usage:
 * {@code java -cp benchmarks/target/benchmarks.jar io.nernst.benchmarks.deposition.DepositionScalingFit result.json}
 */
public final class DepositionScalingFit {
    private DepositionScalingFit() {
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DepositionScalingFit <jmh-result.json>");
            System.exit(2);
        }
        JsonNode root = new ObjectMapper().readTree(new File(args[0]));
        Map<String, TreeMap<Long, double[]>> byBenchmark = new TreeMap<>();
        for (JsonNode run : root) {
            String name = run.get("benchmark").asText();
            if (!name.contains(".deposition.")) {
                continue;
            }
            long side = run.get("params").get("cells").asLong();
            JsonNode metric = run.get("primaryMetric");
            byBenchmark.computeIfAbsent(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                    k -> new TreeMap<>()).put(side * side,
                    new double[]{metric.get("score").asDouble(), metric.get("scoreError").asDouble()});
        }
        for (Map.Entry<String, TreeMap<Long, double[]>> e : byBenchmark.entrySet()) {
            System.out.println(e.getKey());
            System.out.println("| cells | time [ms] | +- [ms] | time per cell [us] |");
            System.out.println("|---|---|---|---|");
            int m = e.getValue().size();
            double[] lx = new double[m];
            double[] ly = new double[m];
            int q = 0;
            for (Map.Entry<Long, double[]> p : e.getValue().entrySet()) {
                System.out.printf(Locale.ROOT, "| %d | %.2f | %.2f | %.3f |%n", p.getKey(), p.getValue()[0], p.getValue()[1],
                        1e3 * p.getValue()[0] / p.getKey());
                lx[q] = Math.log(p.getKey());
                ly[q] = Math.log(p.getValue()[0]);
                q++;
            }
            System.out.printf(Locale.ROOT, "exponent p in time ~ cells^p: %.3f%n%n", slope(lx, ly));
        }
    }

    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
