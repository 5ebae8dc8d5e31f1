package io.nernst.benchmarks.dfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a JMH JSON result of {@link DfnMeshScalingBenchmark} and prints, per linear solver,
 * the table of time versus points per domain and the least-squares slope of
 * log(time) against log(points). Usage:
 * {@code java -cp benchmarks/target/benchmarks.jar io.nernst.benchmarks.dfn.DfnScalingFit result.json}
 */
public final class DfnScalingFit {
    private DfnScalingFit() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DfnScalingFit <jmh-result.json>");
            System.exit(2);
        }
        JsonNode root = new ObjectMapper().readTree(new File(args[0]));
        Map<String, TreeMap<Integer, double[]>> bySolver = new TreeMap<>();
        for (JsonNode run : root) {
            if (!run.get("benchmark").asText().endsWith("DfnMeshScalingBenchmark.discharge1C")) {
                continue;
            }
            JsonNode params = run.get("params");
            int points = params.get("pointsPerDomain").asInt();
            String solver = params.get("linearSolver").asText();
            JsonNode metric = run.get("primaryMetric");
            bySolver.computeIfAbsent(solver, k -> new TreeMap<>())
                    .put(points, new double[] {metric.get("score").asDouble(), metric.get("scoreError").asDouble()});
        }
        for (Map.Entry<String, TreeMap<Integer, double[]>> e : bySolver.entrySet()) {
            System.out.println("linear solver: " + e.getKey());
            System.out.println("| points per domain | unknowns | time [ms] | +- [ms] |");
            System.out.println("|---|---|---|---|");
            List<double[]> logs = new ArrayList<>();
            for (Map.Entry<Integer, double[]> p : e.getValue().entrySet()) {
                int n = p.getKey();
                int unknowns = 2 * n * (11 + 4) + 2 * n + 1;
                System.out.printf(Locale.ROOT, "| %d | %d | %.2f | %.2f |%n", n, unknowns, p.getValue()[0], p.getValue()[1]);
                logs.add(new double[] {Math.log(n), Math.log(p.getValue()[0])});
            }
            System.out.printf(Locale.ROOT, "log-log slope (time vs points): %.3f%n%n", slope(logs));
        }
    }

    static double slope(List<double[]> points) {
        double mx = 0;
        double my = 0;
        for (double[] p : points) {
            mx += p[0] / points.size();
            my += p[1] / points.size();
        }
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxy / sxx;
    }
}
