package io.nernst.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationReportTest {
    @TempDir
    Path dir;

    @Test
    void casesFollowTheGivenOrderAndEachCaseListsItsImages() throws IOException {
        ValidationReport report = new ValidationReport(dir, List.of("A", "B"));
        // recorded out of order: an unknown case, then B, then A
        report.addUpperBound("Z", "z metric", 3.0, 4.0, "mV", "z.png");
        report.addUpperBound("B", "b metric", 1.0, 2.0, "mV", "b.png");
        report.addImage("B", "b-error.png");
        report.addUpperBound("A", "a first", 0.5, 1.0, "mV", null);
        report.addInformative("A", "a second", 7.0, "mV", "a.png");
        report.addInformative("B", "b shares", 1.0, "mV", "a.png");
        List<String> md = Files.readAllLines(dir.resolve("report.md"));
        List<String> rows = md.stream().filter(l -> l.startsWith("| ") && !l.startsWith("| case")).toList();
        assertEquals(List.of(
                "| A | a first | 0.5000 mV | 1.000 mV | yes |",
                "| A | a second | 7.000 mV | (informative) | yes |",
                "| B | b metric | 1.000 mV | 2.000 mV | yes |",
                "| B | b shares | 1.000 mV | (informative) | yes |",
                "| Z | z metric | 3.000 mV | 4.000 mV | yes |"), rows);
        List<String> sections = md.stream().filter(l -> l.startsWith("## ") || l.startsWith("![")).toList();
        assertEquals(List.of("## A", "![A](a.png)", "## B", "![B](b.png)", "![B](b-error.png)", "## Z", "![Z](z.png)"), sections);
    }
}
