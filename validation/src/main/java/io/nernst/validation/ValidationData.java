package io.nernst.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates reference data, in this order: the system property {@code nernst.validation.data}
 * (a directory holding the case folders, e.g. {@code comsol-marquis2019}); the copy vendored
 * in this module, {@code validation/data/<case>} (found from the module or any directory
 * above it, so a fresh clone validates on its own); else the first ancestor of the working
 * directory that holds {@code shared/validation/<case>}.
 */
public final class ValidationData {
    /** System property naming the validation data directory. */
    public static final String DATA_PROPERTY = "nernst.validation.data";
    /** System property that lets validation tests skip (instead of fail) when data is missing. */
    public static final String ALLOW_MISSING_PROPERTY = "nernst.validation.allowMissing";

    private ValidationData() {
    }

    /**
     * The directory of a reference case.
     *
     * @param caseName e.g. "comsol-marquis2019"
     * @return the directory
     * @throws MissingReferenceDataException with the places searched when absent
     */
    public static Path caseDirectory(String caseName) {
        String property = System.getProperty(DATA_PROPERTY);
        StringBuilder searched = new StringBuilder();
        if (property != null && !property.isBlank()) {
            Path p = Paths.get(property).toAbsolutePath().normalize();
            Path nested = p.resolve(caseName);
            searched.append("\n  ").append(nested);
            if (Files.isDirectory(nested)) {
                return nested;
            }
            searched.append("\n  ").append(p);
            if (p.getFileName() != null && p.getFileName().toString().equals(caseName) && Files.isDirectory(p)) {
                return p;
            }
        }
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
        Path dir = start;
        while (dir != null) {
            for (Path vendored : new Path[] {dir.resolve("data").resolve(caseName),
                    dir.resolve("validation").resolve("data").resolve(caseName)}) {
                searched.append("\n  ").append(vendored);
                if (Files.isDirectory(vendored) && Files.isRegularFile(vendored.resolve("README.md"))) {
                    return vendored;
                }
            }
            dir = dir.getParent();
        }
        dir = start;
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("validation").resolve(caseName);
            searched.append("\n  ").append(candidate);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new MissingReferenceDataException("reference data '" + caseName + "' not found; set -D" + DATA_PROPERTY
                + "=<dir holding " + caseName + "> (or -D" + ALLOW_MISSING_PROPERTY + "=true to skip). Searched:" + searched);
    }

    /** True when tests may skip on missing data. */
    public static boolean missingAllowed() {
        return Boolean.getBoolean(ALLOW_MISSING_PROPERTY);
    }

    /** Reference data is absent. */
    public static final class MissingReferenceDataException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MissingReferenceDataException(String message) {
            super(message);
        }
    }
}
