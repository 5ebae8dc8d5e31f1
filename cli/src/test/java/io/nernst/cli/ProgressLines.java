package io.nernst.cli;

import java.util.stream.Collectors;

/** Test helper: removes the progress lines from captured stderr, leaving the messages. */
final class ProgressLines {
    private ProgressLines() {
    }

    static String strip(String stderr) {
        if (stderr.isEmpty()) {
            return stderr;
        }
        String kept = stderr.lines().filter(line -> !line.startsWith("simulating")).collect(Collectors.joining("\n"));
        return kept.isEmpty() ? "" : kept + (stderr.endsWith("\n") ? "\n" : "");
    }
}
