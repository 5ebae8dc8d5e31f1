package io.nernst.core.model;

/** What the cycler imposes during an experiment step; each is one algebraic equation of the model. */
public enum Control {
    /** Terminal current [A], positive on discharge. */
    CURRENT,
    /** Terminal voltage [V]. */
    VOLTAGE,
    /** Terminal power I V [W], positive on discharge. */
    POWER
}
