package org.bayes2imc.imc;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output of a deployed core's deterministic prefix (layers whose synapses all read exactly ±1) for one input
 * set, per chunk: valid for any core whose prefix weights, chunking and input are the same, which holds across the
 * deployments and evaluation times of one model because deterministic synapses sit at SET/RESET.
 */
public final class PrefixCache {
    private float[][] weights;
    private int chunkImages;
    private int images;
    private final ConcurrentHashMap<Integer, float[]> chunks = new ConcurrentHashMap<>();

    /** Whether this cache holds (or may now hold) the prefix for these weights; resets it when they differ. */
    synchronized boolean accepts(float[][] prefixWeights, int chunkImages, int images) {
        if (prefixWeights == null || prefixWeights.length == 0) {
            return false;
        }
        if (weights == null || this.chunkImages != chunkImages || this.images != images
                || !Arrays.deepEquals(weights, prefixWeights)) {
            chunks.clear();
            weights = prefixWeights;
            this.chunkImages = chunkImages;
            this.images = images;
        }
        return true;
    }

    float[] get(int chunk) {
        return chunks.get(chunk);
    }

    void put(int chunk, float[] activations) {
        chunks.put(chunk, activations);
    }

    public int cachedChunks() {
        return chunks.size();
    }
}
