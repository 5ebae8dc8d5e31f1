package io.nernst.solvers.dae;

/** Which sign changes of an event function {@link DaeEvent#g} count as an event. */
public enum EventDirection {
    /** g changes from negative to positive. */
    INCREASING,
    /** g changes from positive to negative. */
    DECREASING,
    /** Either sign change. */
    BOTH;

    /** True when a change from {@code signBefore} (non-zero) to the opposite sign is an event of this direction. */
    boolean accepts(int signBefore) {
        switch (this) {
            case INCREASING:
                return signBefore < 0;
            case DECREASING:
                return signBefore > 0;
            default:
                return true;
        }
    }
}
