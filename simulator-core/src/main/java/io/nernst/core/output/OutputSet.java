package io.nernst.core.output;

import io.nernst.core.error.BadInputException;
import io.nernst.core.error.OutputFailureException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A run's output directory that appears as one complete set: every file is written into a fresh
 * hidden staging directory next to the target ({@code .<name>.partial-<id>}), and
 * {@link #commit()} renames it into place (the previous set, if any, is first renamed aside to
 * {@code .<name>.old-<id>} and then deleted). A run killed at any moment (even by SIGKILL) leaves
 * the previous complete set or the new one, never a mix, and never an earlier run's
 * {@code fields.csv} or snapshots next to a newer {@code timeseries.csv}. Stale staging and
 * set-aside directories of killed runs are removed by the next run into the same target.
 *
 * <p>The target is replaced whole, so {@link #begin} refuses a directory holding anything that
 * is not one of the command's own output names (an {@code --out} pointing at a folder of the
 * user's files must not be emptied).
 */
public final class OutputSet {

    private static final String PARTIAL = ".partial-";
    private static final String OLD = ".old-";

    private final Path target;
    private final Path staging;
    private boolean done;

    private OutputSet(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Checks the target and creates the staging directory; call before the run starts, so that an
     * unusable output directory is refused before any computing.
     *
     * @param ownNames the file and directory names the command writes (anything else in an existing
     *                 target makes it refuse)
     * @throws BadInputException     when the target holds other files or is a regular file
     * @throws OutputFailureException when the staging directory cannot be created
     */
    public static OutputSet begin(Path target, Set<String> ownNames) {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getFileName() == null) {
            throw new BadInputException("output directory " + target + " is the file-system root; choose a folder for the outputs");
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new BadInputException("output directory " + target + " exists and is not a directory");
        }
        if (Files.isDirectory(abs)) {
            try (Stream<Path> entries = Files.list(abs)) {
                List<String> foreign = entries.map(p -> p.getFileName().toString()).filter(n -> !ownNames.contains(n)).sorted().toList();
                if (!foreign.isEmpty()) {
                    throw new BadInputException("output directory " + target + " holds " + foreign.size() + " file"
                            + (foreign.size() == 1 ? "" : "s") + " that nernst did not write (e.g. '" + foreign.get(0) + "'); "
                            + "the outputs replace the whole directory, so choose a new or empty one (--out DIR)");
                }
            } catch (IOException e) {
                throw new OutputFailureException("cannot list output directory " + target + ": " + e.getMessage(), e);
            }
        }
        Path parent = abs.getParent();
        String name = abs.getFileName().toString();
        try {
            Files.createDirectories(parent);
            removeStale(parent, name);
            Path staging = parent.resolve("." + name + PARTIAL + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()));
            Files.createDirectory(staging);
            return new OutputSet(abs, staging);
        } catch (IOException e) {
            throw new OutputFailureException("cannot create the output directory next to " + target + ": " + e.getMessage(), e);
        }
    }

    /** The directory to write into until {@link #commit()}. */
    public Path directory() {
        return staging;
    }

    /** The directory the set will appear as. */
    public Path target() {
        return target;
    }

    /** Puts the complete set in place of the target (replacing a previous set as a whole). */
    public void commit() {
        if (done) {
            throw new IllegalStateException("output set already committed or abandoned");
        }
        Path aside = null;
        try {
            if (Files.exists(target)) {
                aside = target.resolveSibling("." + target.getFileName() + OLD + Long.toHexString(System.nanoTime()));
                move(target, aside);
            }
            move(staging, target);
            done = true;
        } catch (IOException e) {
            if (aside != null && !Files.exists(target)) {
                try {
                    move(aside, target);
                    aside = null;
                } catch (IOException ignored) {
                    // the next run restores nothing; the message below says where the previous set is
                }
            }
            throw new OutputFailureException("cannot put the outputs in place at " + target + ": " + e.getMessage()
                    + (aside != null ? " (the previous outputs are in " + aside + ")" : ""), e);
        } finally {
            if (done && aside != null) {
                deleteTree(aside);
            }
        }
    }

    /** Deletes the staging directory (a run that writes nothing, or failed to write). */
    public void abandon() {
        if (!done) {
            done = true;
            deleteTree(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Removes staging and set-aside directories that killed runs into this target left behind. */
    private static void removeStale(Path parent, String name) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, "." + name + ".*")) {
            for (Path p : siblings) {
                String n = p.getFileName().toString();
                if (n.startsWith("." + name + OLD)) {
                    stale.add(p);
                } else if (n.startsWith("." + name + PARTIAL) && !ownedByLiveProcess(n.substring(name.length() + 1 + PARTIAL.length()))) {
                    // a run still writing into the same target keeps its staging directory
                    stale.add(p);
                }
            }
        }
        for (Path p : stale) {
            deleteTree(p);
        }
    }

    /** Whether "<pid>-<id>" names a process that is still running (not this one's earlier runs). */
    private static boolean ownedByLiveProcess(String pidAndId) {
        int dash = pidAndId.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? pidAndId : pidAndId.substring(0, dash));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort: a leftover is removed by the next run into the same target
        }
    }
}
