package org.bayes2imc.device;

/**
 * Which conductance the IBM model's read-noise coefficient Q_s is evaluated at [choice]: the programmed one, as
 * IBM aihwkit's {@code PCMLikeNoiseModel} does (default), or the drifted mean at read time. The noise amplitude
 * always scales with the drifted conductance |g_d|; the two coincide at t_inf = 0 or without drift.
 */
public enum ReadNoiseConductance {
    PROGRAMMED,
    DRIFTED
}
