package org.bayes2imc.train;

/**
 * How the BayesBiNN natural-gradient scale s = (1 − w_r² + 1e-10)/τ/(1 − μ² + 1e-10) (docs/MODEL.md §2.2, step 3) is used.
 * docs/MODEL.md §2.4: in float32 at tiny τ the exact formula drives every λ to ~1e8 (collapsed posterior).
 */
public enum ScaleStrategy {
    /** The reference formula, unmodified (collapses in float32 at τ = 1e-10; kept for comparison). */
    EXACT,
    /** The reference formula clamped to at most {@code scaleClamp}. */
    CLAMPED,
    /** s replaced by its τ → 0 expectation over the logistic noise, which is 1 (docs/MODEL.md §2.4); the default. */
    EXPECTATION_ONE
}
