package org.bayes2imc.imc;

/**
 * When the deployed core draws a new weight sample (docs/MODEL.md §5 "semantics of conv layers"). The default draws one
 * sample of every synapse per ensemble member per chunk of consecutive images (as the software ensemble's
 * {@link org.bayes2imc.infer.SoftwareSamplingSemantics#PER_CHUNK}): each image still sees S independent posterior samples, so
 * every per-image figure has the same distribution as with a fresh draw per image — only the correlation between
 * images of one chunk differs — while the sampling and kernel cost is amortised over the chunk (the reason it is
 * the default: speed).
 */
public enum CoreSamplingSemantics {
    /** One draw per (member, layer, chunk of images) [default; fast]. */
    PER_CHUNK,
    /** One draw per (member, layer, image): "a weight sample per (member, image)" of docs/MODEL.md §5 literally. */
    PER_IMAGE,
    /** A fresh draw for every read: every output position of a conv layer re-reads its synapses (slow; small runs). */
    PER_READ;

    @com.fasterxml.jackson.annotation.JsonCreator
    public static CoreSamplingSemantics parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "per-chunk", "chunk" -> PER_CHUNK;
            case "per-image", "image" -> PER_IMAGE;
            case "per-read", "read" -> PER_READ;
            default -> throw new org.bayes2imc.io.InvalidSetting("semantics", "must be chunk, image or read, got '" + s + "'");
        };
    }
}
