package io.nernst.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The validation report: one row per checked metric (case, metric, value, limit, pass) and a
 * PNG per case, written as {@code report.md} plus images into a directory (default
 * {@code target/validation-report} of the working directory, or the system property
 * {@code nernst.validation.report}). The Markdown is rewritten after every row, so it is
 * complete whichever subset of cases ran. Cases are listed in a fixed order (the report's
 * known cases first, in the order given to the constructor, then any others in the order they
 * were first recorded), whatever order the tests ran in; each case's images follow the table
 * under a heading of their case.
 */
public final class ValidationReport {
    /** System property overriding the output directory. */
    public static final String DIRECTORY_PROPERTY = "nernst.validation.report";
    /** The cases of the validation module, in report order: COMSOL 0.1C, COMSOL 1C, then the model hierarchy. */
    public static final List<String> CASES = List.of("DFN vs COMSOL 0.1C", "DFN vs COMSOL 1C", "SPM vs DFN 0.05C",
            "SPMe vs DFN 0.05C");
    private static final ValidationReport SHARED = new ValidationReport(Paths.get(
            System.getProperty(DIRECTORY_PROPERTY, "target/validation-report")), CASES);

    /** One checked metric. */
    public record Row(String validationCase, String metric, double value, double limit, String unit, boolean pass, String image) {
    }

    /** A named data series of a plot. */
    public record Series(String name, double[] x, double[] y, boolean markers) {
    }

    private final Path directory;
    private final List<String> caseOrder;
    private final List<Row> rows = new ArrayList<>();
    /** Images of each case, in the order first recorded, each image under the first case that named it. */
    private final Map<String, List<String>> images = new LinkedHashMap<>();

    static {
        System.setProperty("java.awt.headless", "true");
    }

    public ValidationReport(Path directory) {
        this(directory, List.of());
    }

    /**
     * @param directory the output directory
     * @param caseOrder cases listed first, in this order; other cases follow in the order first recorded
     */
    public ValidationReport(Path directory, List<String> caseOrder) {
        this.directory = directory;
        this.caseOrder = List.copyOf(caseOrder);
    }

    /** The report shared by all validation tests of one JVM. */
    public static ValidationReport shared() {
        return SHARED;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Records a metric that passes when value <= limit and rewrites report.md.
     *
     * @return whether it passed
     */
    public synchronized boolean addUpperBound(String validationCase, String metric, double value, double limit, String unit, String image) {
        boolean pass = value <= limit;
        rows.add(new Row(validationCase, metric, value, limit, unit, pass, image));
        recordImage(validationCase, image);
        write();
        return pass;
    }

    /**
     * Records an informative metric (no limit) and rewrites report.md.
     */
    public synchronized void addInformative(String validationCase, String metric, double value, String unit, String image) {
        rows.add(new Row(validationCase, metric, value, Double.NaN, unit, true, image));
        recordImage(validationCase, image);
        write();
    }

    /** Lists an image (a file name returned by {@link #plot}) under a case without a metric row, and rewrites report.md. */
    public synchronized void addImage(String validationCase, String image) {
        recordImage(validationCase, image);
        write();
    }

    private void recordImage(String validationCase, String image) {
        if (image == null) {
            return;
        }
        for (List<String> listed : images.values()) {
            if (listed.contains(image)) {
                return;
            }
        }
        images.computeIfAbsent(validationCase, c -> new ArrayList<>()).add(image);
    }

    /** Report position of a case: known cases by their index, others after them in first-recorded order. */
    private int rank(String validationCase) {
        int known = caseOrder.indexOf(validationCase);
        if (known >= 0) {
            return known;
        }
        List<String> seen = new ArrayList<>();
        for (Row r : rows) {
            if (!caseOrder.contains(r.validationCase()) && !seen.contains(r.validationCase())) {
                seen.add(r.validationCase());
            }
        }
        for (String c : images.keySet()) {
            if (!caseOrder.contains(c) && !seen.contains(c)) {
                seen.add(c);
            }
        }
        return caseOrder.size() + seen.indexOf(validationCase);
    }

    /** Draws an XY plot into {@code <directory>/<fileName>.png}; returns the file name. */
    public synchronized String plot(String fileName, String title, String xTitle, String yTitle, List<Series> series) {
        XYChart chart = new XYChartBuilder().width(900).height(540).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisDecimalPattern("#,##0.#");
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        for (Series s : series) {
            XYSeries xy = chart.addSeries(s.name(), s.x(), s.y());
            xy.setMarker(s.markers() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            if (s.markers()) {
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
        }
        try {
            Files.createDirectories(directory);
            BitmapEncoder.saveBitmap(chart, directory.resolve(fileName).toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + fileName, e);
        }
        return fileName + ".png";
    }

    private void write() {
        StringBuilder md = new StringBuilder();
        md.append("# Nernst validation report\n\n");
        md.append("Generated by the `validation` module tests (`./mvnw -pl validation -am test`).\n\n");
        md.append("| case | metric | value | limit | pass |\n|---|---|---|---|---|\n");
        List<Row> ordered = new ArrayList<>(rows);
        // stable: rows of one case keep the order they were recorded in
        ordered.sort((a, b) -> Integer.compare(rank(a.validationCase()), rank(b.validationCase())));
        for (Row r : ordered) {
            String limit = Double.isNaN(r.limit()) ? "(informative)" : format(r.limit()) + " " + r.unit();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s %s | %s | %s |%n", escape(r.validationCase()), escape(r.metric()),
                    format(r.value()), r.unit(), limit, r.pass() ? "yes" : "**NO**"));
        }
        md.append('\n');
        List<String> cases = new ArrayList<>(images.keySet());
        cases.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        for (String c : cases) {
            md.append("## ").append(c).append("\n\n");
            for (String image : images.get(c)) {
                md.append("![").append(c).append("](").append(image).append(")\n\n");
            }
        }
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("report.md"), md.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write validation report in " + directory, e);
        }
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    private static String format(double v) {
        if (v == 0.0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.3e", v);
    }
}
