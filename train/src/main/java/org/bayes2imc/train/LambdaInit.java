package org.bayes2imc.train;

/** Initialisation of the natural parameters λ before training (docs/MODEL.md §2.2, §2.4). */
public enum LambdaInit {
    /** λ = 0 everywhere (p = ½): the default; lets the data decide which synapses become certain. */
    ZERO,
    /** λ = ±magnitude with a random sign per weight (the reference uses ±10). */
    RANDOM_SIGN
}
