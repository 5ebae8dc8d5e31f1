package io.nernst.core.study;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of one run: its index in the study (0-based, stable: the store's key) and, per variable, the
 * value as text with its unit and as a number in the variable's unit (NaN for text values).
 */
public record RunPoint(int index, List<String> texts, double[] numbers) implements Serializable {

    private static final long serialVersionUID = 1L;

    public RunPoint {
        texts = List.copyOf(texts);
        numbers = numbers.clone();
    }

    /** Variable name to value text. */
    public Map<String, String> byName(List<Variable> variables) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            out.put(variables.get(i).name(), texts.get(i));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunPoint p && p.index == index && p.texts.equals(texts) && Arrays.equals(p.numbers, numbers);
    }

    @Override
    public int hashCode() {
        return 31 * index + texts.hashCode();
    }
}
