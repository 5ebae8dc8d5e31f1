package io.nernst.cli;

import io.nernst.core.study.LocalEngine;
import io.nernst.core.study.RunPoint;
import io.nernst.core.study.RunRecord;
import io.nernst.core.study.Sampling;
import io.nernst.core.study.StudyBackend;
import io.nernst.core.study.StudyDefinition;
import io.nernst.core.study.StudyLoader;
import io.nernst.core.study.StudyReport;
import io.nernst.core.study.StudyStore;
import io.nernst.core.study.StudySummary;
import io.nernst.models.study.BuiltInStudyBackend;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nernst study STUDY.yaml}: runs a parameter study (a sweep of cell or deposition runs) on every core,
 * records one row per run in {@code study.duckdb} as runs finish, and writes {@code runs.csv},
 * {@code runs.parquet} and {@code report.md} with plots. The same command again resumes a stopped study.
 *
 * <p>Exit codes: 0 every run completed; 2 bad input (before any run), including a study file changed since
 * the output folder's runs were recorded; 3 at least one run failed (the others are recorded, the summary
 * groups the failures); 4 the store or outputs could not be written.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Run a parameter study (grid, zip, random, latin-hypercube or sobol) of cell or deposition runs; "
                + "resumable: the same command continues a stopped study.")
public final class StudyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "Study file (YAML), see docs/studies.md.")
    private Path studyFile;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder (default: out/<study name>).")
    private Path out;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "local (default): a thread pool in this process; spark: Apache Spark (embedded local[threads] "
                    + "unless --master or spark-submit names a cluster).")
    private String engine = "local";

    @Option(names = "--master", paramLabel = "URL", description = "Spark master URL, e.g. local[4], spark://host:7077 (--engine spark).")
    private String master;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads (default: every core).")
    private Integer threads;

    @Option(names = "--force", description = "Allow more than 100,000 runs.")
    private boolean force;

    @Option(names = "--restart", description = "Discard the runs recorded in the output folder and start again.")
    private boolean restart;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    private boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            return run(stdout, stderr);
        } catch (UncheckedIOException e) {
            return fail(stderr, e, e.getMessage(), ExitCodes.OUTPUT_ERROR);
        } catch (IllegalArgumentException e) {
            return fail(stderr, e, e.getMessage(), ExitCodes.BAD_INPUT);
        } catch (RuntimeException e) {
            return fail(stderr, e, "internal error: " + e + (debug ? "" : " (run again with --debug for the stack trace)"),
                    ExitCodes.INTERNAL_ERROR);
        }
    }

    private int fail(PrintWriter stderr, Throwable e, String message, int code) {
        stderr.println("nernst: " + message);
        if (debug) {
            e.printStackTrace(stderr);
        }
        stderr.flush();
        return code;
    }

    private int run(PrintWriter stdout, PrintWriter stderr) {
        if (!engine.equals("local") && !engine.equals("spark")) {
            throw new IllegalArgumentException("--engine = '" + engine + "' is not allowed: expected local or spark");
        }
        if (master != null && !engine.equals("spark")) {
            throw new IllegalArgumentException("--master applies to --engine spark");
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new IllegalArgumentException("--threads = " + workers + " is not allowed: expected a whole number >= 1");
        }
        StudyDefinition study = StudyLoader.load(studyFile);
        List<RunPoint> points = Sampling.points(study, force);
        StudyBackend backend = BuiltInStudyBackend.INSTANCE;
        backend.validate(study, points);
        Path dir = out != null ? out : Path.of("out", study.name());
        try (StudyStore store = StudyStore.open(dir, study, restart)) {
            String runsDir = study.keepTimeseries() ? dir.resolve("runs").toString() : null;
            ProgressBar[] bar = new ProgressBar[1];
            int[] failed = new int[1];
            LocalEngine.Listener listener = new LocalEngine.Listener() {
                @Override
                public void started(int total, int alreadyRecorded) {
                    if (!quiet) {
                        stdout.printf(Locale.ROOT, "nernst study %s: %d runs (%s design, %s runs), %d worker thread%s%s%n",
                                study.name(), total, study.design().word(), study.kind().name().toLowerCase(Locale.ROOT),
                                workers, workers == 1 ? "" : "s", alreadyRecorded > 0
                                        ? String.format(Locale.ROOT, "; resuming: %d already recorded, %d to run", alreadyRecorded,
                                        total - alreadyRecorded) : "");
                        stdout.flush();
                        boolean terminal = System.console() != null;
                        bar[0] = new ProgressBarBuilder().setTaskName("runs").setInitialMax(total)
                                .startsFrom(alreadyRecorded, java.time.Duration.ZERO)
                                .setStyle(ProgressBarStyle.ASCII)
                                .setUpdateIntervalMillis(terminal ? 200 : 5000)
                                .showSpeed().setUnit(" runs", 1)
                                .setConsumer(new DelegatingProgressBarConsumer(s -> {
                                    stderr.print(terminal ? "\r" + s : s + System.lineSeparator());
                                    stderr.flush();
                                }, 110))
                                .build();
                    }
                }

                @Override
                public void recorded(RunRecord record) {
                    if (record.status() == RunRecord.Status.FAILED) {
                        failed[0]++;
                    }
                    if (bar[0] != null) {
                        bar[0].step();
                        bar[0].setExtraMessage(failed[0] > 0 ? failed[0] + " failed" : "");
                    }
                }
            };
            LocalEngine.Outcome outcome;
            try {
                outcome = engine.equals("spark")
                        ? io.nernst.spark.SparkEngine.run(study, points, backend, store, master, workers, listener)
                        : LocalEngine.run(study, points, backend, store, workers, runsDir, listener);
            } finally {
                if (bar[0] != null) {
                    bar[0].close();
                    if (System.console() != null) {
                        stderr.println();
                    }
                    stderr.flush();
                }
            }
            List<java.util.Map<String, Object>> rows = store.rows();
            StudySummary summary = StudySummary.of(points.size(), rows);
            store.exportCsv(dir.resolve("runs.csv"));
            store.exportParquet(dir.resolve("runs.parquet"));
            String engineLine = String.format(Locale.ROOT, "last session: %s, %d runs in %.2f s (%.1f runs/s)",
                    engine.equals("spark") ? "spark engine, master " + (master == null ? "local[" + workers + "]" : master)
                            : "local engine, " + workers + " threads", outcome.ran(), outcome.wallSeconds(), outcome.ran() / Math.max(outcome.wallSeconds(), 1e-9));
            StudyReport.write(dir, study, rows, summary, engineLine);
            if (!quiet) {
                for (String line : summary.lines()) {
                    stdout.println(line);
                }
                stdout.println(engineLine);
                stdout.printf("outputs in %s: %s, runs.csv, runs.parquet, %s%n", dir, StudyStore.FILE, StudyReport.FILE);
                stdout.flush();
            }
            return summary.failed() > 0 ? ExitCodes.SOLVER_FAILURE : ExitCodes.OK;
        }
    }
}
