package io.nernst.core.scenario;

/**
 * Finite-volume counts requested by a scenario; {@code 0} means "the model's default".
 *
 * @param negative  cells across the negative electrode
 * @param separator cells across the separator
 * @param positive  cells across the positive electrode
 * @param particle  shells in each particle
 */
public record MeshSettings(int negative, int separator, int positive, int particle) {

    /** All defaults. */
    public static MeshSettings defaults() {
        return new MeshSettings(0, 0, 0, 0);
    }

    public MeshSettings {
        if (negative < 0 || separator < 0 || positive < 0 || particle < 0) {
            throw new io.nernst.core.error.BadInputException("mesh counts must be >= 0 (0 = model default)");
        }
    }
}
