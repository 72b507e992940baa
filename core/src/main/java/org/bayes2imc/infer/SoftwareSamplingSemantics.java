package org.bayes2imc.infer;

/**
 * When a software ensemble member draws a fresh set of ±1 weights (docs/MODEL.md §2.1, §5).
 */
public enum SoftwareSamplingSemantics {
    /**
     * One weight sample per (member, chunk of consecutive images), shared by every image of the chunk [default:
     * the fast path, one GEMM per chunk]. For per-image metrics (accuracy, NLL, Brier, ECE, entropy, mutual
     * information, OOD scores) this is statistically equivalent in expectation to {@link #PER_IMAGE}: an image's
     * ensemble prediction depends only on the marginal distribution of its own S weight draws, which is the same
     * product of Bernoulli(p) under both semantics; only the correlation between different images' predictions
     * differs, which changes the variance of a dataset average, not its expectation.
     */
    PER_CHUNK,
    /** A fresh weight sample per member and per image (S·N network draws; costly: sampling dominates). */
    PER_IMAGE
    // PER_READ (a fresh draw per output position of a conv layer) is the hardware simulator's to add.
}
