package io.nernst.core.experiment;

import io.nernst.core.units.Dimension;
import io.nernst.core.units.Quantity;
import io.nernst.core.units.UnitException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A cycling protocol: an ordered list of blocks, each a list of step sentences repeated a
 * number of times (every repetition is one cycle), plus a default output period.
 * Immutable; built with {@link #builder()} or {@link #of}.
 *
 * <pre>
 * Experiment e = Experiment.builder()
 *     .period(10.0)
 *     .block(2, "Charge at C/3 until 4.1 V", "Hold at 4.1 V until C/50", "Discharge at 1C until 3.0 V")
 *     .build();
 * </pre>
 */
public final class Experiment {

    /** A list of steps run {@code repeat} times in a row. */
    public record Block(List<ExperimentStep> steps, int repeat) {
        public Block {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One step as scheduled: its place in the run.
     *
     * @param index      0-based index over the whole run (repetitions unrolled)
     * @param cycle      0-based cycle number (each repetition of a block is one cycle)
     * @param stepInCycle 0-based index within its cycle
     * @param step       the step
     */
    public record ScheduledStep(int index, int cycle, int stepInCycle, ExperimentStep step) {
    }

    private final List<Block> blocks;
    private final double period;

    private Experiment(List<Block> blocks, double period) {
        this.blocks = Collections.unmodifiableList(new ArrayList<>(blocks));
        this.period = period;
    }

    /** A builder. */
    /**
     * Most steps (repeats included) one run may schedule: a million, twenty thousand cycles of a
     * 50-step protocol; beyond it the schedule and its two rows per step alone fill the memory.
     */
    public static final int MAX_SCHEDULED_STEPS = 1_000_000;

    public static Builder builder() {
        return new Builder();
    }

    /** One block of sentences repeated {@code repeat} times, with an optional period [s] (NaN: none). */
    public static Experiment of(List<String> sentences, int repeat, double period) {
        return builder().period(period).block(repeat, sentences).build();
    }

    /** The blocks in order. */
    public List<Block> blocks() {
        return blocks;
    }

    /** Default output period [s], or NaN to record every accepted integrator step. */
    public double period() {
        return period;
    }

    /** Every step in run order, repetitions unrolled. */
    public List<ScheduledStep> schedule() {
        List<ScheduledStep> out = new ArrayList<>();
        int cycle = 0;
        for (Block b : blocks) {
            for (int r = 0; r < b.repeat(); r++) {
                for (int i = 0; i < b.steps().size(); i++) {
                    out.add(new ScheduledStep(out.size(), cycle, i, b.steps().get(i)));
                }
                cycle++;
            }
        }
        return out;
    }

    /** Number of cycles (sum of the blocks' repeats). */
    public int cycleCount() {
        int n = 0;
        for (Block b : blocks) {
            n += b.repeat();
        }
        return n;
    }

    /** The sentences of the whole protocol in block order, for reports. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Block b : blocks) {
            StringBuilder sb = new StringBuilder();
            if (b.repeat() != 1) {
                sb.append(b.repeat()).append(" x ");
            }
            List<String> s = new ArrayList<>();
            for (ExperimentStep step : b.steps()) {
                s.add(step.sentence());
            }
            sb.append(b.repeat() != 1 || b.steps().size() > 1 ? "[" + String.join("; ", s) + "]" : s.get(0));
            out.add(sb.toString());
        }
        return out;
    }

    /**
     * Parses a period such as "10 s" or "1 minute".
     *
     * @throws UnitException when the text is not a positive duration
     */
    public static double parsePeriod(String text) {
        double p = Quantity.parse(text).siValue(Dimension.TIME, "the output period");
        if (!(p > 0)) {
            throw new UnitException("the output period '" + text + "' must be positive");
        }
        return p;
    }

    /** Builder of an {@link Experiment}. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();
        private double period = Double.NaN;

        private Builder() {
        }

        /** Default output period [s] (NaN: record every accepted step). */
        public Builder period(double seconds) {
            if (!Double.isNaN(seconds) && !(seconds > 0 && Double.isFinite(seconds))) {
                throw new io.nernst.core.error.BadInputException("output period must be positive, got " + seconds);
            }
            this.period = seconds;
            return this;
        }

        /** Adds a block of steps run once. */
        public Builder steps(String... sentences) {
            return block(1, List.of(sentences));
        }

        /** Adds a block of steps repeated {@code repeat} times. */
        public Builder block(int repeat, String... sentences) {
            return block(repeat, List.of(sentences));
        }

        /** Adds a block of steps repeated {@code repeat} times. */
        public Builder block(int repeat, List<String> sentences) {
            if (repeat < 1) {
                throw new io.nernst.core.error.BadInputException("repeat must be at least 1, got " + repeat);
            }
            if (sentences.isEmpty()) {
                throw new io.nernst.core.error.BadInputException("a block needs at least one step");
            }
            List<ExperimentStep> steps = new ArrayList<>();
            for (String s : sentences) {
                steps.add(ExperimentStep.parse(s));
            }
            blocks.add(new Block(steps, repeat));
            return this;
        }

        /** The experiment; at least one block. */
        public Experiment build() {
            if (blocks.isEmpty()) {
                throw new io.nernst.core.error.BadInputException("an experiment needs at least one step");
            }
            long total = 0;
            for (Block b : blocks) {
                total += (long) b.repeat() * b.steps().size();
            }
            if (total > MAX_SCHEDULED_STEPS) {
                throw new io.nernst.core.error.BadInputException("the experiment has " + total + " steps (repeats included); a run "
                        + "may have at most " + MAX_SCHEDULED_STEPS + " (each step writes at least two rows): lower experiment.repeat");
            }
            return new Experiment(blocks, period);
        }
    }
}
