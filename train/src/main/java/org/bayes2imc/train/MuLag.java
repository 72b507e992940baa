package org.bayes2imc.train;

/**
 * Which λ the mean μ = tanh(λ) in the scale s is taken from. docs/MODEL.md §2.2: the reference code computes the new μ
 * from the pre-update λ, so each step's s uses μ one step behind the λ it samples from.
 */
public enum MuLag {
    /** μ = tanh(λ) of the λ the weights are sampled from in this step (no lag); the default. */
    CURRENT,
    /** μ = tanh(λ) of the previous step's λ, as in the reference implementation (μ = 0 at the first step for λ init 0). */
    REFERENCE_ONE_STEP
}
