package io.nernst.core.experiment;

import io.nernst.core.text.NameSuggestions;

import io.nernst.core.units.Dimension;
import io.nernst.core.units.Quantity;
import io.nernst.core.units.Unit;
import io.nernst.core.units.UnitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parser of experiment step sentences, in the spirit of PyBaMM's {@code Experiment}.
 * Keywords are case-insensitive.
 *
 * <pre>
 * step        := action { termination } [ period ]
 * action      := ("Discharge" | "Charge") "at" (current | power)
 *              | "Hold" "at" voltage
 *              | "Rest"
 * eis         := "EIS" "from" frequency "to" frequency [","] [ integer "per" "decade" ]   (10 per decade by default)
 * termination := "for" duration
 *              | "until" limit
 *              | "or" ( "for" duration | "until" limit | limit | duration )
 * limit       := voltage | current | duration (a duration only after a bare "or": "until 3.2 hour"
 *                is refused as a likely mistyped voltage)
 * period      := [","] ["with"] "period" duration  |  "(" duration "period" ")"
 * current     := C-rate ("1C", "0.5C", "C/3", "2 C") | quantity in A, mA, A/m2, mA/cm2, ...
 * power       := quantity in W, mW, W/m2, ...
 * voltage     := quantity in V or mV;  duration := quantity in s, min, h, hours, ...
 * </pre>
 * Rules: a rest needs a duration or a voltage limit; a hold needs a duration or a current
 * limit; voltage limits belong to current, power and rest steps, current limits to holds.
 * A discharge or charge without any limit runs until the simulation's default step
 * duration.
 */
final class StepParser {

    private static final Set<String> KEYWORDS = Set.of("at", "for", "until", "or", "period", "with", ",", "(", ")");
    private static final Pattern C_RATE_TIMES = Pattern.compile("^([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*C$");
    private static final Pattern C_RATE_OVER = Pattern.compile("^C\\s*/\\s*((?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)$");
    private static final String CURRENT_EXAMPLES = "a current such as 1C, C/3, 2 A, 500 mA, 10 A/m2 or 1 mA/cm2";
    private static final String POWER_EXAMPLES = "a power such as 2 W, 500 mW or 10 W/m2";

    /** A word of the sentence with its position. */
    private record Token(String text, int start, int end) {
        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private final String sentence;
    private final List<Token> tokens;
    private int next;

    private StepParser(String sentence) {
        this.sentence = sentence;
        this.tokens = tokenize(sentence);
    }

    static ExperimentStep parse(String sentence) {
        if (sentence == null || sentence.isBlank()) {
            throw new ExperimentException(sentence == null ? "" : sentence, 0, 1,
                    "empty step; expected a sentence such as 'Discharge at 1C until 3.0 V'");
        }
        return new StepParser(sentence).step();
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == ',' || c == '(' || c == ')') {
                out.add(new Token(String.valueOf(c), i, i + 1));
                i++;
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != ','
                        && s.charAt(i) != '(' && s.charAt(i) != ')') {
                    i++;
                }
                out.add(new Token(s.substring(start, i), start, i));
            }
        }
        return out;
    }

    private ExperimentStep step() {
        Token verb = tokens.get(next++);
        StepKind kind;
        switch (verb.lower()) {
            case "discharge": kind = StepKind.DISCHARGE; break;
            case "charge": kind = StepKind.CHARGE; break;
            case "rest": kind = StepKind.REST; break;
            case "hold": kind = StepKind.HOLD; break;
            case "eis": return eis(verb);
            default:
                String meant = nearVerb(verb.text());
                throw error(verb, meant != null
                        ? "unknown word '" + verb.text() + "'; did you mean '" + meant + "'?"
                        : "expected 'Discharge', 'Charge', 'Rest', 'Hold' or 'EIS' at the start, found '" + verb.text() + "'");
        }
        Amount setpoint = null;
        if (kind != StepKind.REST) {
            expectKeyword("at", "after '" + verb.text() + "'");
            setpoint = kind == StepKind.HOLD ? voltageSetpoint() : currentOrPowerSetpoint(kind);
        }
        double duration = Double.NaN;
        Token durationToken = null;
        List<Double> voltageLimits = new ArrayList<>();
        List<Amount> currentLimits = new ArrayList<>();
        double period = Double.NaN;
        boolean clauseSeen = false;
        while (next < tokens.size()) {
            Token t = tokens.get(next);
            String w = t.lower();
            if (w.equals("for") || w.equals("until") || w.equals("or")) {
                if (w.equals("or") && !clauseSeen) {
                    throw error(t, "'or' must follow a 'for' or 'until' clause");
                }
                next++;
                String mode = w;
                if (w.equals("or")) {
                    Token after = peek();
                    if (after != null && (after.lower().equals("for") || after.lower().equals("until"))) {
                        mode = after.lower();
                        next++;
                    } else {
                        mode = "until";
                    }
                }
                int phraseStart = next;
                String phrase = phrase("after '" + tokens.get(next - 1).text() + "'",
                        mode.equals("for") ? "a duration such as 30 minutes, 2 hours or 10 s"
                                : "a limit: a voltage (3.0 V), a current (C/50, 50 mA) or a duration (2 hours)");
                Token first = tokens.get(phraseStart);
                Token last = tokens.get(next - 1);
                if (mode.equals("for")) {
                    double d = duration(phrase, first, last);
                    if (durationToken != null) {
                        throw error(first, last, "a second duration; the step already ends after '" + durationToken.text() + "'");
                    }
                    duration = d;
                    durationToken = first;
                } else {
                    Object limit = limit(phrase, first, last, kind);
                    if (limit instanceof Double) {
                        voltageLimits.add((Double) limit);
                    } else if (limit instanceof Amount) {
                        currentLimits.add((Amount) limit);
                    } else {
                        if (tokens.get(phraseStart - 1).lower().equals("until")) {
                            // "until 3.2 hour" is most often a voltage typed with the wrong unit; a duration
                            // takes 'for' (a bare duration after 'or' stays allowed: "until 4.1 V or 2 hours")
                            throw error(first, last, "'until " + phrase + "' gives a duration where a limit belongs; 'until' takes a "
                                    + "voltage (e.g. 'until 3.2 V') or, for a hold, a current (e.g. 'until C/50'); for a duration write 'for "
                                    + phrase + "'");
                        }
                        if (durationToken != null) {
                            throw error(first, last, "a second duration; the step already ends after '" + durationToken.text() + "'");
                        }
                        duration = ((double[]) limit)[0];
                        durationToken = first;
                    }
                }
                clauseSeen = true;
            } else if (w.equals(",") || w.equals("with") || w.equals("period")) {
                if (!Double.isNaN(period)) {
                    throw error(t, "a second output period");
                }
                if (w.equals(",")) {
                    next++;
                    Token a = peek();
                    if (a == null) {
                        throw error(t, "expected 'period <duration>' after ','");
                    }
                    w = a.lower();
                    t = a;
                }
                if (w.equals("with")) {
                    next++;
                    expectKeyword("period", "after 'with'");
                } else if (w.equals("period")) {
                    next++;
                } else {
                    throw error(t, "expected 'period <duration>' after ',', found '" + t.text() + "'");
                }
                int phraseStart = next;
                String phrase = phrase("after 'period'", "a duration such as 10 seconds");
                period = positiveDuration(phrase, tokens.get(phraseStart), tokens.get(next - 1), "output period");
                if (next < tokens.size()) {
                    throw error(tokens.get(next), "nothing may follow the output period");
                }
            } else if (w.equals("(")) {
                if (!Double.isNaN(period)) {
                    throw error(t, "a second output period");
                }
                next++;
                int phraseStart = next;
                String phrase = phrase("after '('", "a duration such as '(10 seconds period)'");
                Token first = tokens.get(phraseStart);
                Token last = tokens.get(next - 1);
                expectKeyword("period", "in '(<duration> period)'");
                expectKeyword(")", "to close '(<duration> period'");
                period = positiveDuration(phrase, first, last, "output period");
                if (next < tokens.size()) {
                    throw error(tokens.get(next), "nothing may follow the output period");
                }
            } else {
                String meant = nearKeyword(t.text());
                throw error(t, meant != null
                        ? "unknown word '" + t.text() + "'; did you mean '" + meant + "'?"
                        : "expected 'for', 'until', 'or' or 'period', found '" + t.text() + "'");
            }
        }
        Token endMarker = new Token("", sentence.length(), sentence.length() + 1);
        if (kind == StepKind.REST && durationToken == null && voltageLimits.isEmpty()) {
            throw error(endMarker, "a rest needs 'for <duration>' or 'until <voltage>' (e.g. 'Rest for 1 hour')");
        }
        if (kind == StepKind.HOLD && durationToken == null && currentLimits.isEmpty()) {
            throw error(endMarker, "a hold needs 'for <duration>' or 'until <current>' (e.g. 'Hold at 4.1 V until C/50')");
        }
        return new ExperimentStep(sentence, kind, setpoint, duration, voltageLimits, currentLimits, period);
    }

    /** "EIS from 1 MHz to 10 mHz, 10 per decade". */
    private ExperimentStep eis(Token verb) {
        expectKeyword("from", "after '" + verb.text() + "' (e.g. 'EIS from 1 MHz to 10 mHz, 10 per decade')");
        double from = frequencyUntil(Set.of("to"), "after 'from'");
        expectKeyword("to", "after the start frequency");
        double to = frequencyUntil(Set.of(","), "after 'to'");
        int perDecade = 10;
        if (next < tokens.size() && tokens.get(next).text().equals(",")) {
            next++;
        }
        if (next < tokens.size()) {
            Token count = tokens.get(next++);
            try {
                perDecade = Integer.parseInt(count.text());
            } catch (NumberFormatException e) {
                throw error(count, "expected the number of points per decade (e.g. '10 per decade'), found '" + count.text() + "'");
            }
            if (perDecade < 1 || perDecade > 1000) {
                throw error(count, "points per decade must lie in [1, 1000], got " + perDecade);
            }
            expectKeyword("per", "after the number of points");
            expectKeyword("decade", "after 'per'");
            if (next < tokens.size()) {
                throw error(tokens.get(next), "nothing may follow 'per decade'");
            }
        }
        if (from == to) {
            Token end = new Token("", sentence.length(), sentence.length() + 1);
            throw error(end, "the sweep is empty: both ends are " + from + " Hz");
        }
        return new ExperimentStep(sentence, StepKind.EIS, null, Double.NaN, List.of(), List.of(), Double.NaN,
                new FrequencySweep(from, to, perDecade));
    }

    /** A positive frequency made of the words up to one of {@code stops}. */
    private double frequencyUntil(Set<String> stops, String where) {
        int start = next;
        while (next < tokens.size() && !stops.contains(tokens.get(next).lower())
                && !(next + 1 < tokens.size() && tokens.get(next + 1).lower().equals("per"))) {
            next++;
        }
        if (start == next) {
            Token at = start < tokens.size() ? tokens.get(start) : new Token("", sentence.length(), sentence.length() + 1);
            throw error(at, "expected a frequency such as 1 MHz or 10 mHz " + where);
        }
        Token first = tokens.get(start);
        Token last = tokens.get(next - 1);
        String phrase = sentence.substring(first.start(), last.end());
        Quantity q = quantity(phrase, first, last, "a frequency such as 1 MHz or 10 mHz");
        if (!q.dimension().equals(Dimension.TIME.power(-1))) {
            throw error(first, last, "'" + phrase + "' " + whatItIs(q) + "; expected a frequency such as 1 MHz or 10 mHz");
        }
        if (!(q.siValue() > 0) || !Double.isFinite(q.siValue())) {
            throw error(first, last, "the frequency '" + phrase + "' must be positive");
        }
        return q.siValue();
    }

    private Token peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }

    private void expectKeyword(String keyword, String where) {
        Token t = peek();
        if (t == null) {
            throw error(new Token("", sentence.length(), sentence.length() + 1), "expected '" + keyword + "' " + where + ", found the end of the sentence");
        }
        if (!t.lower().equals(keyword)) {
            throw error(t, "expected '" + keyword + "' " + where + ", found '" + t.text() + "'");
        }
        next++;
    }

    /** Consumes the words up to the next keyword and returns them joined by single spaces. */
    private String phrase(String where, String expected) {
        int start = next;
        while (next < tokens.size() && !KEYWORDS.contains(tokens.get(next).lower())) {
            if (next > start) {
                String misspelt = nearKeyword(tokens.get(next).text());
                if (misspelt != null) {
                    throw error(tokens.get(next), "unknown word '" + tokens.get(next).text() + "'; did you mean '" + misspelt + "'?");
                }
            }
            next++;
        }
        if (start == next) {
            Token at = start < tokens.size() ? tokens.get(start) : new Token("", sentence.length(), sentence.length() + 1);
            throw error(at, "expected " + expected + " " + where
                    + (at.text().isEmpty() ? ", found the end of the sentence" : ", found '" + at.text() + "'"));
        }
        // the original spelling between the first and last word (keeps "mA cm-2" intact)
        return sentence.substring(tokens.get(start).start(), tokens.get(next - 1).end());
    }

    /**
     * The keyword a word is probably a misspelling of (edit distance 1 or 2), or null. A
     * word that is a valid unit ("hr", "min") is never taken for a keyword.
     */
    private static String nearKeyword(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (Quantity.startsWithNumber(w)) {
            return null;
        }
        try {
            Unit.parse(word);
            return null;
        } catch (UnitException notAUnit) {
            // fall through: maybe a misspelt keyword
        }
        for (String k : new String[] {"until", "for", "period", "with"}) {
            int d = NameSuggestions.editDistance(w, k);
            if (d >= 1 && d <= (k.length() <= 3 ? 1 : 2)) {
                return k;
            }
        }
        return null;
    }


    /** The verb a word is probably a misspelling of ("Dischrage" -> "Discharge"), or null. */
    private static String nearVerb(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String v : new String[] {"Discharge", "Charge", "Rest", "Hold", "EIS"}) {
            int d = NameSuggestions.editDistance(w, v.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = v;
            }
        }
        // up to two edits (a swap of two letters is two), one for words shorter than four letters
        return bestDistance >= 1 && bestDistance <= (w.length() < 4 ? 1 : 2) ? best : null;
    }

    /** How a quantity is described in messages: "has no unit" for a bare number, else "is a current (A)". */
    private static String whatItIs(Quantity q) {
        return Quantity.unitText(q.text()).isEmpty() ? "has no unit" : "is " + q.dimension().withArticle();
    }

    private Amount currentOrPowerSetpoint(StepKind kind) {
        int start = next;
        String phrase = phrase("after 'at'", CURRENT_EXAMPLES + ", or " + POWER_EXAMPLES);
        Token first = tokens.get(start);
        Token last = tokens.get(next - 1);
        Amount cRate = cRate(phrase, first, last);
        if (cRate != null) {
            return requirePositive(cRate, first, last);
        }
        Quantity q = quantity(phrase, first, last, CURRENT_EXAMPLES + ", or " + POWER_EXAMPLES);
        Amount.Kind k = currentKind(q.dimension());
        if (k == null) {
            if (q.dimension().equals(Dimension.POWER)) {
                k = Amount.Kind.POWER;
            } else if (q.dimension().equals(Dimension.POWER_DENSITY)) {
                k = Amount.Kind.POWER_DENSITY;
            } else if (q.dimension().equals(Dimension.VOLTAGE)) {
                throw error(first, last, "'" + phrase + "' is a voltage; to impose a voltage write 'Hold at " + phrase + " ...'");
            } else {
                boolean bare = Quantity.unitText(q.text()).isEmpty();
                throw error(first, last, "'" + phrase + "' " + whatItIs(q) + "; expected "
                        + CURRENT_EXAMPLES + ", or " + POWER_EXAMPLES
                        + (bare ? " (for a C-rate write '" + phrase.trim() + "C')" : ""));
            }
        }
        if (kind == StepKind.CHARGE || kind == StepKind.DISCHARGE) {
            return requirePositive(new Amount(k, q.siValue(), phrase), first, last);
        }
        return new Amount(k, q.siValue(), phrase);
    }

    private Amount voltageSetpoint() {
        int start = next;
        String phrase = phrase("after 'at'", "a voltage such as 4.1 V");
        Token first = tokens.get(start);
        Token last = tokens.get(next - 1);
        Quantity q = quantity(phrase, first, last, "a voltage such as 4.1 V");
        if (!q.dimension().equals(Dimension.VOLTAGE)) {
            throw error(first, last, "'" + phrase + "' " + whatItIs(q) + "; 'Hold at' expects a voltage such as 4.1 V");
        }
        return requirePositive(new Amount(Amount.Kind.VOLTAGE, q.siValue(), phrase), first, last);
    }

    private Amount requirePositive(Amount a, Token first, Token last) {
        if (!(a.value() > 0)) {
            throw error(first, last, "'" + a.text() + "' must be positive (the verb gives the direction; use 'Rest' for zero current)");
        }
        return a;
    }

    private static Amount.Kind currentKind(Dimension d) {
        if (d.equals(Dimension.CURRENT)) {
            return Amount.Kind.CURRENT;
        }
        if (d.equals(Dimension.CURRENT_DENSITY)) {
            return Amount.Kind.CURRENT_DENSITY;
        }
        return null;
    }

    private Amount cRate(String phrase, Token first, Token last) {
        String compact = phrase.trim();
        Matcher m = C_RATE_TIMES.matcher(compact);
        if (m.matches()) {
            return new Amount(Amount.Kind.C_RATE, Double.parseDouble(m.group(1)), phrase);
        }
        m = C_RATE_OVER.matcher(compact);
        if (m.matches()) {
            double d = Double.parseDouble(m.group(1));
            if (!(d > 0)) {
                throw error(first, last, "C-rate divisor in '" + phrase + "' must be positive");
            }
            return new Amount(Amount.Kind.C_RATE, 1.0 / d, phrase);
        }
        return null;
    }

    private Quantity quantity(String phrase, Token first, Token last, String expected) {
        if (!Quantity.startsWithNumber(phrase)) {
            throw error(first, last, "expected " + expected + ", found '" + phrase + "'");
        }
        try {
            return Quantity.parse(phrase);
        } catch (UnitException e) {
            throw error(first, last, e.getMessage());
        }
    }

    private double duration(String phrase, Token first, Token last) {
        return positiveDuration(phrase, first, last, "duration");
    }

    private double positiveDuration(String phrase, Token first, Token last, String what) {
        Quantity q = quantity(phrase, first, last, "a " + what + " such as 30 minutes, 2 hours or 10 s");
        if (!q.dimension().equals(Dimension.TIME)) {
            throw error(first, last, "'" + phrase + "' " + whatItIs(q) + "; expected a " + what
                    + " such as 30 minutes, 2 hours or 10 s");
        }
        if (!(q.siValue() > 0)) {
            throw error(first, last, "the " + what + " '" + phrase + "' must be positive");
        }
        return q.siValue();
    }

    /** A voltage limit (Double), a current limit (Amount) or a duration (double[1]). */
    private Object limit(String phrase, Token first, Token last, StepKind kind) {
        Amount cRate = cRate(phrase, first, last);
        Object result;
        if (cRate != null) {
            result = requirePositive(cRate, first, last);
        } else {
            Quantity q = quantity(phrase, first, last, "a limit: a voltage (3.0 V), a current (C/50, 50 mA) or a duration (2 hours)");
            Amount.Kind k = currentKind(q.dimension());
            if (q.dimension().equals(Dimension.VOLTAGE)) {
                if (!(q.siValue() > 0)) {
                    throw error(first, last, "the voltage limit '" + phrase + "' must be positive");
                }
                result = q.siValue();
            } else if (k != null) {
                result = requirePositive(new Amount(k, q.siValue(), phrase), first, last);
            } else if (q.dimension().equals(Dimension.TIME)) {
                return new double[] {positiveDuration(phrase, first, last, "duration")};
            } else {
                throw error(first, last, "'" + phrase + "' " + whatItIs(q)
                        + "; expected a limit: a voltage (3.0 V), a current (C/50, 50 mA) or a duration (2 hours)");
            }
        }
        if (result instanceof Double && kind == StepKind.HOLD) {
            throw error(first, last, "a hold imposes the voltage; end it with a current ('until C/50') or a duration instead of '" + phrase + "'");
        }
        if (result instanceof Amount && kind != StepKind.HOLD) {
            throw error(first, last, "a current limit ('" + phrase + "') only ends a 'Hold at ... V' step; end this step with a voltage or a duration");
        }
        return result;
    }

    private ExperimentException error(Token t, String problem) {
        return error(t, t, problem);
    }

    private ExperimentException error(Token first, Token last, String problem) {
        return new ExperimentException(sentence, first.start(), Math.max(1, last.end() - first.start()), problem);
    }
}
