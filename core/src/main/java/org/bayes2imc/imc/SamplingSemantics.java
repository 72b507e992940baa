package org.bayes2imc.imc;

/**
 * When a new weight sample is drawn (SPEC §5 "semantics of conv layers"). The default draws one sample of every
 * synapse per ensemble member per block of images: each image still sees S independent samples of the posterior,
 * so every per-image figure has the same distribution as with a fresh draw per image (images of one block share
 * their members, which only correlates errors between images), and the sampling cost is amortised over the block.
 */
public enum SamplingSemantics {
    /** One draw per (member, layer, block of images) [default; fast]. */
    PER_MEMBER_BLOCK,
    /** One draw per (member, layer, image): the SPEC's "per (member, image)" literally. */
    PER_MEMBER_IMAGE,
    /** A fresh draw for every read: every output position of a conv layer re-reads (slow; for small runs). */
    PER_READ;

    public static SamplingSemantics parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "per-member-block", "block" -> PER_MEMBER_BLOCK;
            case "per-member-image", "image" -> PER_MEMBER_IMAGE;
            case "per-read", "read" -> PER_READ;
            default -> throw new IllegalArgumentException("--sampling must be block, image or read, got '" + s + "'");
        };
    }
}
