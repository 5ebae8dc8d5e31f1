package io.nernst.models;

import io.nernst.models.electrode.ElectrodeKind;
import io.nernst.models.kinetics.KineticsKind;

/**
 * Discretisation and physics options of a cell model; immutable, built with {@link #builder()}.
 *
 * <p>Defaults ({@link #defaults()}): 31 / 11 / 31 finite volumes across the negative
 * electrode, separator and positive electrode, 11 shells per particle, uniform meshes,
 * symmetric Butler-Volmer kinetics - the discretisation of PyBaMM's COMSOL comparison.
 *
 * <p>Stretching: {@code electrodeStretching} beta > 0 clusters the x-cells of each domain
 * toward both of its ends with a tanh map (refines at the collectors and the separator
 * interfaces); {@code particleStretching} beta > 0 clusters shells toward the particle
 * surface. 0 means uniform.
 */
public final class ModelOptions {
    private final int negativePoints;
    private final int separatorPoints;
    private final int positivePoints;
    private final int particlePoints;
    private final double electrodeStretching;
    private final double particleStretching;
    private final KineticsKind kinetics;
    private final ElectrodeKind negativeElectrode;

    private ModelOptions(Builder b) {
        this.negativePoints = b.negativePoints;
        this.separatorPoints = b.separatorPoints;
        this.positivePoints = b.positivePoints;
        this.particlePoints = b.particlePoints;
        this.electrodeStretching = b.electrodeStretching;
        this.particleStretching = b.particleStretching;
        this.kinetics = b.kinetics;
        this.negativeElectrode = b.negativeElectrode;
    }

    /**
     * The options for a scenario's mesh counts (0 keeps the model's default). A count the
     * options refuse is bad input named by its scenario key (mesh.negative, not negativePoints).
     */
    public static ModelOptions fromMesh(io.nernst.core.scenario.MeshSettings mesh) {
        try {
            Builder b = builder();
            if (mesh.negative() > 0) {
                b.negativePoints(mesh.negative());
            }
            if (mesh.separator() > 0) {
                b.separatorPoints(mesh.separator());
            }
            if (mesh.positive() > 0) {
                b.positivePoints(mesh.positive());
            }
            if (mesh.particle() > 0) {
                b.particlePoints(mesh.particle());
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage()).replace("negativePoints", "mesh.negative").replace("separatorPoints", "mesh.separator")
                    .replace("positivePoints", "mesh.positive").replace("particlePoints", "mesh.particle");
            throw new io.nernst.core.error.BadInputException(m, e);
        }
    }

    /** 31 / 11 / 31 / 11 points, uniform, symmetric Butler-Volmer. */
    public static ModelOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.negativePoints = negativePoints;
        b.separatorPoints = separatorPoints;
        b.positivePoints = positivePoints;
        b.particlePoints = particlePoints;
        b.electrodeStretching = electrodeStretching;
        b.particleStretching = particleStretching;
        b.kinetics = kinetics;
        b.negativeElectrode = negativeElectrode;
        return b;
    }

    /** Finite volumes across the negative electrode. */
    public int negativePoints() {
        return negativePoints;
    }

    /** Finite volumes across the separator. */
    public int separatorPoints() {
        return separatorPoints;
    }

    /** Finite volumes across the positive electrode. */
    public int positivePoints() {
        return positivePoints;
    }

    /** Radial shells per particle. */
    public int particlePoints() {
        return particlePoints;
    }

    /** tanh clustering parameter of the x-domains (0 = uniform). */
    public double electrodeStretching() {
        return electrodeStretching;
    }

    /** tanh clustering parameter toward the particle surface (0 = uniform). */
    public double particleStretching() {
        return particleStretching;
    }

    /** Butler-Volmer form of the insertion electrodes. */
    public KineticsKind kinetics() {
        return kinetics;
    }

    /**
     * Kind of negative electrode: POROUS (default, read from the "Negative electrode ..."
     * parameters) or PLANAR_METAL (a Li or Li-In foil, read from the "Lithium metal ..."
     * parameters; DFN only, the negative-electrode point count is then unused).
     */
    public ElectrodeKind negativeElectrode() {
        return negativeElectrode;
    }

    @Override
    public String toString() {
        return "ModelOptions[points " + negativePoints + "/" + separatorPoints + "/" + positivePoints
                + ", particle " + particlePoints + ", stretching x " + electrodeStretching + " r " + particleStretching
                + ", " + kinetics + ", negative " + negativeElectrode + "]";
    }

    /** Builder; every setter checks its argument. */
    public static final class Builder {
        private int negativePoints = 31;
        private int separatorPoints = 11;
        private int positivePoints = 31;
        private int particlePoints = 11;
        private double electrodeStretching = 0.0;
        private double particleStretching = 0.0;
        private KineticsKind kinetics = KineticsKind.SYMMETRIC_BUTLER_VOLMER;
        private ElectrodeKind negativeElectrode = ElectrodeKind.POROUS;

        private Builder() {
        }

        public Builder negativeElectrode(ElectrodeKind kind) {
            if (kind == null) {
                throw new IllegalArgumentException("negativeElectrode must not be null; allowed: " + java.util.Arrays.toString(ElectrodeKind.values()));
            }
            this.negativeElectrode = kind;
            return this;
        }

        public Builder negativePoints(int points) {
            this.negativePoints = check("negativePoints", points, 2);
            return this;
        }

        public Builder separatorPoints(int points) {
            this.separatorPoints = check("separatorPoints", points, 1);
            return this;
        }

        public Builder positivePoints(int points) {
            this.positivePoints = check("positivePoints", points, 2);
            return this;
        }

        public Builder particlePoints(int points) {
            this.particlePoints = check("particlePoints", points, 2);
            return this;
        }

        /** Sets both the x-domain and the particle stretching. */
        public Builder meshStretching(double beta) {
            electrodeStretching(beta);
            particleStretching(beta);
            return this;
        }

        public Builder electrodeStretching(double beta) {
            this.electrodeStretching = checkStretching("electrodeStretching", beta);
            return this;
        }

        public Builder particleStretching(double beta) {
            this.particleStretching = checkStretching("particleStretching", beta);
            return this;
        }

        public Builder kinetics(KineticsKind kind) {
            if (kind == null) {
                throw new IllegalArgumentException("kinetics must not be null; allowed: " + java.util.Arrays.toString(KineticsKind.values()));
            }
            this.kinetics = kind;
            return this;
        }

        public ModelOptions build() {
            return new ModelOptions(this);
        }

        private static int check(String name, int value, int minimum) {
            if (value < minimum || value > 100_000) {
                throw new io.nernst.core.error.BadInputException(name + " = " + value + " is not allowed: expected an integer in ["
                        + minimum + ", 100000]");
            }
            return value;
        }

        private static double checkStretching(String name, double beta) {
            if (!(beta >= 0) || !Double.isFinite(beta) || beta > 20) {
                throw new io.nernst.core.error.BadInputException(name + " = " + beta + " is not allowed: expected 0 (uniform) to 20");
            }
            return beta;
        }
    }
}
