package io.nernst.core.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a study: one embedded DuckDB database file, {@code study.duckdb}, with a table {@code runs}
 * (one row per finished run: run number, inputs, metrics, status, failure kind and message, wall time, solver
 * statistics) and a table {@code study} (the study's hash and name).
 *
 * <p>Rows are inserted in transactions as runs finish (the engine groups the runs that finished together
 * into one commit); a committed transaction is in DuckDB's write-ahead log on disk, so a process killed at
 * any moment loses no finished run, and a half-done transaction is rolled back when the file is next opened.
 * Exports (CSV and Parquet, both written by DuckDB itself) go to a temporary file renamed into place.
 */
public final class StudyStore implements AutoCloseable {

    /** The database file in a study's output directory. */
    public static final String FILE = "study.duckdb";

    private final Connection connection;
    private final StudyDefinition study;
    private final List<String> columns = new ArrayList<>();
    private final boolean[] numericInput;
    private PreparedStatement insert;

    /** Raised when the directory holds runs of a different study (its file or base scenario changed). */
    public static final class StudyChangedException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        StudyChangedException(String message) {
            super(message);
        }
    }

    private StudyStore(Connection connection, StudyDefinition study) {
        this.connection = connection;
        this.study = study;
        this.numericInput = new boolean[study.variables().size()];
        for (int i = 0; i < numericInput.length; i++) {
            numericInput[i] = isNumeric(study.variables().get(i));
        }
    }

    /** Whether a variable is stored as a number (in its unit) rather than as text. */
    public static boolean isNumeric(Variable v) {
        if (v.values().isEmpty()) {
            return true;
        }
        for (String s : v.values()) {
            if (!io.nernst.core.units.Quantity.startsWithNumber(s.trim())) {
                return false;
            }
        }
        return true;
    }

    /** The input column names: {@code "name [unit]"} for numbers, {@code "name"} for text. */
    public static List<String> inputColumns(StudyDefinition study) {
        List<String> out = new ArrayList<>();
        for (Variable v : study.variables()) {
            out.add(isNumeric(v) ? v.column() : v.name());
        }
        return out;
    }

    /**
     * Opens (or creates) the store of a study in a directory.
     *
     * @param restart discard the runs recorded so far
     * @throws StudyChangedException when the directory holds runs of another version of the study
     */
    public static StudyStore open(Path directory, StudyDefinition study, boolean restart) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
        Path file = directory.resolve(FILE);
        if (restart) {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(directory.resolve(FILE + ".wal"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
            }
        }
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            StudyStore store = new StudyStore(c, study);
            store.init(directory);
            return store;
        } catch (SQLException | ClassNotFoundException e) {
            throw new UncheckedIOException(new IOException("cannot open the study store " + file + ": " + e.getMessage(), e));
        }
    }

    private void init(Path directory) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS study (key VARCHAR PRIMARY KEY, value VARCHAR)");
            String hash = null;
            try (ResultSet r = s.executeQuery("SELECT value FROM study WHERE key = 'hash'")) {
                if (r.next()) {
                    hash = r.getString(1);
                }
            }
            if (hash != null && !hash.equals(study.hash())) {
                connection.close();
                throw new StudyChangedException(directory + " holds runs of a different version of this study (the study file "
                        + "or its base scenario changed since); run with --restart to discard those runs, or choose a new "
                        + "output folder with --out");
            }
            StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS runs (\"run\" INTEGER PRIMARY KEY");
            columns.add("run");
            List<String> inputs = inputColumns(study);
            for (int i = 0; i < inputs.size(); i++) {
                ddl.append(", ").append(quote(inputs.get(i))).append(numericInput[i] ? " DOUBLE" : " VARCHAR");
                columns.add(inputs.get(i));
            }
            for (MetricSpec m : study.metrics()) {
                ddl.append(", ").append(quote(m.storeColumn())).append(" DOUBLE");
                columns.add(m.storeColumn());
            }
            for (String c : List.of("status", "end", "failure kind", "failure")) {
                ddl.append(", ").append(quote(c)).append(" VARCHAR");
                columns.add(c);
            }
            ddl.append(", \"wall time [s]\" DOUBLE");
            columns.add("wall time [s]");
            for (String c : List.of("steps", "rejected steps", "newton iterations", "jacobian evaluations", "factorizations")) {
                ddl.append(", ").append(quote(c)).append(" BIGINT");
                columns.add(c);
            }
            ddl.append(")");
            s.execute(ddl.toString());
            if (hash == null) {
                s.execute("INSERT INTO study VALUES ('hash', " + literal(study.hash()) + "), ('name', " + literal(study.name())
                        + ")");
            }
        }
        StringBuilder sql = new StringBuilder("INSERT INTO runs VALUES (?");
        for (int i = 1; i < columns.size(); i++) {
            sql.append(", ?");
        }
        insert = connection.prepareStatement(sql.append(")").toString());
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Column names of {@code runs}, in order. */
    public List<String> columns() {
        return List.copyOf(columns);
    }

    /** The run indices (0-based) already recorded, completed or failed. */
    public BitSet recordedRuns() {
        BitSet out = new BitSet();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT \"run\" FROM runs")) {
            while (r.next()) {
                out.set(r.getInt(1) - 1);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot read the study store: " + e.getMessage(), e));
        }
        return out;
    }

    /**
     * Records finished runs in one transaction, durable when this returns.
     *
     * @param points the runs' inputs, by run index
     */
    public void record(List<RunRecord> records, List<RunPoint> points) {
        try {
            connection.setAutoCommit(false);
            for (RunRecord rec : records) {
                RunPoint p = points.get(rec.index());
                int k = 1;
                insert.setInt(k++, rec.index() + 1);
                for (int i = 0; i < numericInput.length; i++) {
                    if (numericInput[i]) {
                        setDouble(insert, k++, p.numbers()[i]);
                    } else {
                        insert.setString(k++, p.texts().get(i));
                    }
                }
                for (double m : rec.metrics()) {
                    setDouble(insert, k++, m);
                }
                insert.setString(k++, rec.status().name().toLowerCase(java.util.Locale.ROOT));
                setString(insert, k++, rec.end());
                setString(insert, k++, rec.failureKind());
                setString(insert, k++, rec.failure());
                insert.setDouble(k++, rec.wallSeconds());
                insert.setLong(k++, rec.steps());
                insert.setLong(k++, rec.rejectedSteps());
                insert.setLong(k++, rec.newtonIterations());
                insert.setLong(k++, rec.jacobianEvaluations());
                insert.setLong(k++, rec.factorizations());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the file keeps its last committed state
            }
            throw new UncheckedIOException(new IOException("cannot record runs in the study store: " + e.getMessage(), e));
        }
    }

    private static void setDouble(PreparedStatement p, int k, double v) throws SQLException {
        if (Double.isNaN(v)) {
            p.setNull(k, Types.DOUBLE);
        } else {
            p.setDouble(k, v);
        }
    }

    private static void setString(PreparedStatement p, int k, String v) throws SQLException {
        if (v == null) {
            p.setNull(k, Types.VARCHAR);
        } else {
            p.setString(k, v);
        }
    }

    /** Every recorded row as column name to value (Double, Long, Integer, String or null), by run. */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM runs ORDER BY \"run\"")) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(r.getMetaData().getColumnName(i), r.getObject(i));
                }
                out.add(row);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot read the study store: " + e.getMessage(), e));
        }
        return out;
    }

    /** The recorded runs as records (metrics and statistics), by run; for comparing engines. */
    public List<RunRecord> records() {
        List<RunRecord> out = new ArrayList<>();
        for (Map<String, Object> row : rows()) {
            double[] m = new double[study.metrics().size()];
            for (int i = 0; i < m.length; i++) {
                Object v = row.get(study.metrics().get(i).storeColumn());
                m[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
            }
            out.add(new RunRecord(((Number) row.get("run")).intValue() - 1, m,
                    RunRecord.Status.valueOf(((String) row.get("status")).toUpperCase(java.util.Locale.ROOT)), (String) row.get("end"),
                    (String) row.get("failure kind"), (String) row.get("failure"), ((Number) row.get("wall time [s]")).doubleValue(),
                    ((Number) row.get("steps")).longValue(), ((Number) row.get("rejected steps")).longValue(),
                    ((Number) row.get("newton iterations")).longValue(), ((Number) row.get("jacobian evaluations")).longValue(),
                    ((Number) row.get("factorizations")).longValue()));
        }
        return out;
    }

    /** Writes {@code runs} as CSV (with a header). */
    public void exportCsv(Path file) {
        export(file, "(HEADER, DELIMITER ',')");
    }

    /** Writes {@code runs} as Parquet. */
    public void exportParquet(Path file) {
        export(file, "(FORMAT parquet)");
    }

    private void export(Path file, String options) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (Statement s = connection.createStatement()) {
            Files.deleteIfExists(tmp);
            s.execute("COPY (SELECT * FROM runs ORDER BY \"run\") TO " + literal(tmp.toAbsolutePath().toString()) + " " + options);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (SQLException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot export " + file + ": " + e.getMessage(), e));
        }
    }

    @Override
    public void close() {
        try {
            if (insert != null) {
                insert.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot close the study store: " + e.getMessage(), e));
        }
    }
}
