package org.bayes2imc.metrics;

/**
 * The logits of S ensemble members on n images: {@code members[s]} is [n·C], image-major. A single network (the
 * mode network, or one deployment's hardware run) is an ensemble of one.
 */
public record EnsembleLogits(int classes, float[][] members) {

    public EnsembleLogits {
        if (classes < 2 || members.length == 0) {
            throw new IllegalArgumentException("ensemble logits need at least 2 classes and 1 member");
        }
        for (float[] m : members) {
            if (m.length != members[0].length || m.length % classes != 0) {
                throw new IllegalArgumentException("every member needs the same n·" + classes + " logits");
            }
        }
    }

    public static EnsembleLogits single(int classes, float[] logits) {
        return new EnsembleLogits(classes, new float[][] {logits});
    }

    public int samples() {
        return members.length;
    }

    public int images() {
        return members[0].length / classes;
    }
}
