package org.bayes2imc.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall-clock nanoseconds spent in each phase of {@link BayesBiNNStep} summed over steps (the training profile of
 * issue 17). PyTorch's CPU ops run eagerly on the calling thread, so a clock read between two ops splits the time
 * between them without an extra synchronisation.
 */
public final class StepPhases {
    /** The phases in step order. */
    public enum Phase {
        /** Copying the batch's images and one-hot labels out of the training array (Java). */
        BATCH,
        /** Drawing the uniform noise ε of every weight (Java, SplittableRandom). */
        NOISE,
        /** Creating the batch and noise NDArrays from Java arrays. */
        UPLOAD,
        /** The relaxed weights w_r = tanh((λ + δ)/τ) (docs/MODEL.md §2.2). */
        SAMPLE,
        /** Forward pass and loss. */
        FORWARD,
        /** Backward pass. */
        BACKWARD,
        /** Reading the loss and the predictions back for the epoch's running figures. */
        METRICS,
        /** The BayesBiNN update of λ. */
        UPDATE,
        /** Closing the step's NDArrays (NDScope). */
        RELEASE
    }

    private final long[] nanos = new long[Phase.values().length];
    private long steps;
    private long last;

    /** Starts the clock for the first phase of a step. */
    void start() {
        last = System.nanoTime();
    }

    /** Charges the time since the previous mark to {@code phase}. */
    void mark(Phase phase) {
        long now = System.nanoTime();
        nanos[phase.ordinal()] += now - last;
        last = now;
    }

    void endStep() {
        steps++;
    }

    public long steps() {
        return steps;
    }

    /** Milliseconds per step of each phase, in step order. */
    public Map<String, Double> millisPerStep() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            out.put(p.name().toLowerCase(java.util.Locale.ROOT), steps == 0 ? 0 : nanos[p.ordinal()] / 1e6 / steps);
        }
        return out;
    }
}
