package io.nernst.core.study;

import java.io.Serializable;
import java.util.List;

/**
 * One varied input of a study.
 *
 * @param name   as written in the study file: a parameter name, a scenario path ({@code mesh.negative},
 *               {@code control.currentDensity}, {@code experiment.steps[0]}) or a {@code {placeholder}} name
 * @param target what the name addresses
 * @param path   the scenario keys a {@link Target#PATH} or {@link Target#PARAMETER} variable sets
 * @param unit   the unit of its numbers (the unit written with its bounds or first value; "" when dimensionless
 *               or text)
 * @param values the values to take, as text with units (grid and zip designs); empty for sampled designs
 * @param from   lower bound in {@code unit} (sampled designs), NaN otherwise
 * @param to     upper bound in {@code unit} (sampled designs), NaN otherwise
 * @param scale  how samples spread between the bounds
 */
public record Variable(String name, Target target, List<String> path, String unit, List<String> values,
                       double from, double to, Scale scale) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a varied name addresses. */
    public enum Target {
        /** A cell parameter: {@code parameters.overrides.<name>}. */
        PARAMETER,
        /** A key of the scenario file by its dotted path. */
        PATH,
        /** A {@code {name}} placeholder in the scenario's text values (e.g. in an experiment sentence). */
        PLACEHOLDER
    }

    /** Spacing of samples or of a {@code from/to/count} range. */
    public enum Scale {
        LINEAR, LOG
    }

    public Variable {
        path = List.copyOf(path);
        values = List.copyOf(values);
    }

    /** The column name of its numbers in the store: {@code "name [unit]"}, or the name when it has no unit. */
    public String column() {
        return unit.isEmpty() ? name : name + " [" + unit + "]";
    }

    /** The text of a sampled number: the number followed by the unit. */
    public String text(double number) {
        String n = StudyNumbers.format(number);
        return unit.isEmpty() ? n : n + " " + unit;
    }
}
