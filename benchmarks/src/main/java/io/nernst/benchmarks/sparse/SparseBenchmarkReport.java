package io.nernst.benchmarks.sparse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nernst.solvers.sparse.CsrMatrix;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the JMH JSON of the sparse benchmarks ({@code -rf json -rff file}) into the markdown
 * tables of docs/performance.md (section "Sparse kernels and direct solvers"): SpMV bandwidth (12 bytes per nonzero + 16 per row)
 * next to the same-bytes triad (24 bytes per element), and LU times with ratios to EJML.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.nernst.benchmarks.sparse.SparseBenchmarkReport result.json}
 */
public final class SparseBenchmarkReport {
    private SparseBenchmarkReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SparseBenchmarkReport <jmh-result.json>");
            System.exit(2);
        }
        JsonNode root = new ObjectMapper().readTree(new File(args[0]));
        // key -> method -> score (us/op)
        Map<String, Map<String, double[]>> spmv = new TreeMap<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        Map<String, Map<String, double[]>> banded = new TreeMap<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        Map<String, Map<String, double[]>> lu = new LinkedHashMap<>();
        for (JsonNode r : root) {
            String benchmark = r.get("benchmark").asText();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            JsonNode params = r.get("params");
            JsonNode metric = r.get("primaryMetric");
            if (!"us/op".equals(metric.get("scoreUnit").asText())) {
                throw new IllegalArgumentException(benchmark + ": expected us/op, got " + metric.get("scoreUnit").asText());
            }
            double[] score = {metric.get("score").asDouble(), metric.get("scoreError").asDouble()};
            if (benchmark.contains(".SpmvBenchmark.")) {
                spmv.computeIfAbsent(params.get("grid").asText(), k -> new LinkedHashMap<>()).put(method, score);
            } else if (benchmark.contains(".BlockBandedSpmvBenchmark.")) {
                banded.computeIfAbsent(params.get("points").asText(), k -> new LinkedHashMap<>()).put(method, score);
            } else if (benchmark.contains(".SparseLuBenchmark.")) {
                lu.computeIfAbsent(params.get("problem").asText(), k -> new LinkedHashMap<>()).put(method, score);
            }
        }
        if (!spmv.isEmpty()) {
            System.out.println("| grid | rows | nonzeros | MB moved | CsrMatrix.multiply GB/s | serial GB/s | parallel GB/s"
                    + " | triad serial GB/s | triad parallel GB/s | serial / triad | parallel / triad parallel |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (Map.Entry<String, Map<String, double[]>> e : spmv.entrySet()) {
                int k = Integer.parseInt(e.getKey());
                long rows = (long) k * k;
                long nnz = 5L * k * k - 4L * k;
                long bytes = 12 * nnz + 16 * rows;
                Map<String, double[]> m = e.getValue();
                System.out.printf("| %d | %d | %d | %.1f | %s | %s | %s | %s | %s | %s | %s |%n", k, rows, nnz, bytes / 1e6,
                        gbs(bytes, m.get("spmvCsrMultiply")), gbs(bytes, m.get("spmvSerial")), gbs(bytes, m.get("spmvParallel")),
                        gbs(bytes, m.get("triadSerial")), gbs(bytes, m.get("triadParallel")),
                        ratio(m.get("triadSerial"), m.get("spmvSerial")), ratio(m.get("triadParallel"), m.get("spmvParallel")));
            }
            System.out.println();
        }
        if (!banded.isEmpty()) {
            System.out.println("| points | rows | nonzeros | MB moved | serial GB/s | parallel GB/s | triad serial GB/s | serial / triad |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (Map.Entry<String, Map<String, double[]>> e : banded.entrySet()) {
                CsrMatrix a = BenchmarkMatrices.cellLike1D(Integer.parseInt(e.getKey()), 7L);
                long bytes = BenchmarkMatrices.spmvBytes(a);
                Map<String, double[]> m = e.getValue();
                System.out.printf("| %s | %d | %d | %.2f | %s | %s | %s | %s |%n", e.getKey(), a.rows(), a.nonZeros(), bytes / 1e6,
                        gbs(bytes, m.get("spmvSerial")), gbs(bytes, m.get("spmvParallel")), gbs(bytes, m.get("triadSerial")),
                        ratio(m.get("triadSerial"), m.get("spmvSerial")));
            }
            System.out.println();
        }
        if (!lu.isEmpty()) {
            System.out.println("| problem | EJML sparse LU (us) | banded (us) | sparse LU + AMD (us) | banded cold (us)"
                    + " | sparse LU cold (us) | EJML / banded | EJML / sparse AMD | EJML / banded cold | EJML / sparse cold |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (Map.Entry<String, Map<String, double[]>> e : lu.entrySet()) {
                Map<String, double[]> m = e.getValue();
                double[] ejml = m.get("ejmlSparseLu");
                System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", e.getKey(), time(ejml), time(m.get("banded")),
                        time(m.get("sparseAmd")), time(m.get("bandedCold")), time(m.get("sparseAmdCold")),
                        ratio(ejml, m.get("banded")), ratio(ejml, m.get("sparseAmd")), ratio(ejml, m.get("bandedCold")),
                        ratio(ejml, m.get("sparseAmdCold")));
            }
        }
    }

    private static String gbs(long bytes, double[] microseconds) {
        return microseconds == null ? "-" : String.format("%.1f", bytes / (microseconds[0] * 1e3));
    }

    private static String ratio(double[] numerator, double[] denominator) {
        return numerator == null || denominator == null ? "-" : String.format("%.2f", numerator[0] / denominator[0]);
    }

    private static String time(double[] microseconds) {
        if (microseconds == null) {
            return "-";
        }
        return String.format(microseconds[0] >= 100 ? "%.0f ± %.0f" : "%.1f ± %.1f", microseconds[0], microseconds[1]);
    }
}
