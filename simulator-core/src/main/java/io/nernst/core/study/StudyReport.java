package io.nernst.core.study;

import io.nernst.core.output.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The study report: {@code report.md} with PNG plots beside it: each metric against each numeric input (one
 * line per value of a second input when the design is a grid of two or more), a heat map of each metric over
 * the first two numeric inputs of a grid, and a histogram of the runs' wall times. Written from the store's
 * rows, so a study that was stopped can be reported at any time.
 */
public final class StudyReport {

    /** The report file name. */
    public static final String FILE = "report.md";

    private StudyReport() {
    }

    /**
     * Writes the report into {@code dir}.
     *
     * @return the files written
     */
    public static List<Path> write(Path dir, StudyDefinition study, List<Map<String, Object>> rows, StudySummary summary,
                                   String engineLine) {
        List<Path> files = new ArrayList<>();
        StringBuilder md = new StringBuilder();
        md.append("# Study ").append(study.name()).append("\n\n");
        if (!study.description().isEmpty()) {
            md.append(study.description()).append("\n\n");
        }
        md.append("- study file: `").append(study.source()).append("`, base scenario `").append(study.baseSource())
                .append("` (").append(study.kind().name().toLowerCase(Locale.ROOT)).append(" runs)\n");
        md.append("- design: ").append(study.design().word());
        if (study.design().sampled()) {
            md.append(", ").append(study.samples()).append(" samples, seed ").append(study.seed());
        }
        md.append("; ").append(summary.total()).append(" runs\n");
        for (Variable v : study.variables()) {
            md.append("- varied: `").append(v.name()).append("` ");
            if (v.values().isEmpty()) {
                md.append("from ").append(v.text(v.from())).append(" to ").append(v.text(v.to())).append(" (")
                        .append(v.scale().name().toLowerCase(Locale.ROOT)).append(")\n");
            } else {
                md.append(v.values()).append("\n");
            }
        }
        if (engineLine != null) {
            md.append("- ").append(engineLine).append("\n");
        }
        md.append("\n## Outcome\n\n");
        for (String line : summary.lines()) {
            md.append(line.startsWith("  ") ? "- " + line.trim() : line).append("\n");
        }
        md.append("\nAll rows: `runs.csv`, `runs.parquet` and the DuckDB database `").append(StudyStore.FILE).append("`.\n");

        List<String> inputs = StudyStore.inputColumns(study);
        List<Integer> numeric = new ArrayList<>();
        for (int i = 0; i < study.variables().size(); i++) {
            if (StudyStore.isNumeric(study.variables().get(i))) {
                numeric.add(i);
            }
        }
        List<Map<String, Object>> done = rows.stream().filter(r -> "completed".equals(r.get("status"))).toList();
        int plot = 0;
        md.append("\n## Metrics\n\n");
        for (MetricSpec m : study.metrics()) {
            md.append("### ").append(m.storeColumn()).append("\n\n");
            for (int vi : numeric) {
                String x = inputs.get(vi);
                String other = null;
                for (int vj : numeric) {
                    if (vj != vi && study.design() == StudyDefinition.Design.GRID) {
                        other = inputs.get(vj);
                        break;
                    }
                }
                XYChart chart = lineChart(done, x, other, m.storeColumn(), study.design());
                String name = String.format("metric-%02d.png", ++plot);
                files.add(png(dir.resolve(name), chart));
                md.append("![").append(m.storeColumn()).append(" against ").append(x).append("](").append(name).append(")\n\n");
            }
            if (numeric.size() >= 2 && study.design() == StudyDefinition.Design.GRID) {
                String x = inputs.get(numeric.get(0));
                String y = inputs.get(numeric.get(1));
                HeatMapChart heat = heatMap(done, x, y, m.storeColumn());
                if (heat != null) {
                    String name = String.format("heatmap-%02d.png", ++plot);
                    files.add(png(dir.resolve(name), heat));
                    md.append("![").append(m.storeColumn()).append(" over ").append(x).append(" and ").append(y).append("](")
                            .append(name).append(")\n\n");
                }
            }
        }
        md.append("## Run times\n\n");
        files.add(png(dir.resolve("run-times.png"), histogram(rows)));
        md.append("![wall time per run](run-times.png)\n");
        Path report = dir.resolve(FILE);
        AtomicFiles.write(report, out -> out.write(md.toString().getBytes(StandardCharsets.UTF_8)));
        files.add(report);
        return files;
    }

    private static double number(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    private static XYChart lineChart(List<Map<String, Object>> rows, String x, String other, String y,
                                     StudyDefinition.Design design) {
        XYChart c = new XYChartBuilder().width(800).height(520).title(y + " against " + x).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setLegendVisible(other != null);
        if (other == null) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            rows.stream().sorted((a, b) -> Double.compare(number(a.get(x)), number(b.get(x)))).forEach(r -> {
                double yv = number(r.get(y));
                if (!Double.isNaN(yv)) {
                    xs.add(number(r.get(x)));
                    ys.add(yv);
                }
            });
            if (!xs.isEmpty()) {
                XYSeries s = c.addSeries(y, xs, ys);
                s.setMarker(SeriesMarkers.CIRCLE);
                if (design.sampled()) {
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                }
            }
            return c;
        }
        TreeSet<Double> levels = new TreeSet<>();
        for (Map<String, Object> r : rows) {
            levels.add(number(r.get(other)));
        }
        for (double level : levels) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            rows.stream().filter(r -> number(r.get(other)) == level)
                    .sorted((a, b) -> Double.compare(number(a.get(x)), number(b.get(x)))).forEach(r -> {
                        double yv = number(r.get(y));
                        if (!Double.isNaN(yv)) {
                            xs.add(number(r.get(x)));
                            ys.add(yv);
                        }
                    });
            if (!xs.isEmpty()) {
                String label = other + " = " + StudyNumbers.format(level);
                while (c.getSeriesMap().containsKey(label)) {
                    label += " ";
                }
                c.addSeries(label, xs, ys).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return c;
    }

    private static HeatMapChart heatMap(List<Map<String, Object>> rows, String x, String y, String z) {
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        for (Map<String, Object> r : rows) {
            xs.add(number(r.get(x)));
            ys.add(number(r.get(y)));
        }
        if (xs.size() < 2 || ys.size() < 2) {
            return null;
        }
        List<Double> xl = new ArrayList<>(xs);
        List<Double> yl = new ArrayList<>(ys);
        List<Number[]> cells = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            double v = number(r.get(z));
            if (!Double.isNaN(v)) {
                // shown to 4 significant digits in the cells; the stored values keep every digit
                double shown = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
                cells.add(new Number[]{xl.indexOf(number(r.get(x))), yl.indexOf(number(r.get(y))), shown});
            }
        }
        if (cells.isEmpty()) {
            return null;
        }
        HeatMapChart c = new HeatMapChartBuilder().width(800).height(560).title(z).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setShowValue(xl.size() * yl.size() <= 64);
        c.addSeries(z, xl.stream().map(StudyNumbers::format).toList(), yl.stream().map(StudyNumbers::format).toList(), cells);
        return c;
    }

    private static CategoryChart histogram(List<Map<String, Object>> rows) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Map<String, Object> r : rows) {
            double w = number(r.get("wall time [s]"));
            lo = Math.min(lo, w);
            hi = Math.max(hi, w);
        }
        int bins = 20;
        if (rows.isEmpty()) {
            lo = 0;
            hi = 1;
        }
        double width = hi > lo ? (hi - lo) / bins : 1e-3;
        int[] counts = new int[bins];
        for (Map<String, Object> r : rows) {
            int b = (int) ((number(r.get("wall time [s]")) - lo) / width);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(String.format(Locale.ROOT, "%.3g", 1000 * (lo + (b + 0.5) * width)));
            values.add(counts[b]);
        }
        CategoryChart c = new CategoryChartBuilder().width(800).height(420).title("Wall time per run")
                .xAxisTitle("wall time [ms] (bin centre)").yAxisTitle("runs").build();
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(45);
        c.addSeries("runs", labels, values);
        return c;
    }

    private static Path png(Path file, Chart<?, ?> chart) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp.png");
        try {
            BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
