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
    /**
     * The same prefix as the first member layer's input codes, per chunk, where that layer runs on the integer kernels
     * (a quarter of the floats' memory, and no requantisation per deployment).
     */
    private final ConcurrentHashMap<Integer, byte[]> codeChunks = new ConcurrentHashMap<>();

    /** Whether this cache holds (or may now hold) the prefix for these weights; resets it when they differ. */
    synchronized boolean accepts(float[][] prefixWeights, int chunkImages, int images) {
        if (prefixWeights == null || prefixWeights.length == 0) {
            return false;
        }
        if (weights == null || this.chunkImages != chunkImages || this.images != images
                || !Arrays.deepEquals(weights, prefixWeights)) {
            chunks.clear();
            codeChunks.clear();
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

    byte[] codes(int chunk) {
        return codeChunks.get(chunk);
    }

    void putCodes(int chunk, byte[] codes) {
        codeChunks.put(chunk, codes);
    }

    /** Chunks held, in either form. */
    public int cachedChunks() {
        java.util.Set<Integer> held = new java.util.HashSet<>(chunks.keySet());
        held.addAll(codeChunks.keySet());
        return held.size();
    }
}
