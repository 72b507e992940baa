package org.bayes2imc.infer;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.io.Progress;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;

/**
 * The ideal software ensemble of a BBNN (docs/MODEL.md §2.5): S networks sampled from the posterior, each giving logits for
 * every image, and the mode network w = sign(λ). Every (member, chunk) draws from its own counter-based weight stream
 * and work is split into fixed tasks (chunks, or (member, chunk) pairs where chunks are few), so the logits are
 * bit-identical for a given seed at any thread count. Within a chunk, members that drew bit-identical first layers
 * run those layers once.
 */
public final class SoftwareEnsemble {
    private SoftwareEnsemble() {
    }

    /**
     * How the ensemble samples.
     *
     * @param samples     ensemble members S (default 10, as the papers' figures)
     * @param seed        seed of every weight draw
     * @param semantics   when a member draws fresh weights (default {@link SoftwareSamplingSemantics#PER_CHUNK})
     * @param chunkImages images per chunk (default 100); also the unit of parallel work
     */
    public record Settings(int samples, long seed, SoftwareSamplingSemantics semantics, int chunkImages) {
        public static final int DEFAULT_SAMPLES = 10;
        public static final int DEFAULT_CHUNK_IMAGES = 100;

        public Settings {
            if (samples < 1) {
                throw new org.bayes2imc.io.InvalidSetting("samples", "must be at least 1, got " + samples);
            }
            if (chunkImages < 1) {
                throw new IllegalArgumentException("chunk size must be at least 1 image, got " + chunkImages);
            }
        }

        public static Settings of(int samples, long seed) {
            return new Settings(samples, seed, SoftwareSamplingSemantics.PER_CHUNK, DEFAULT_CHUNK_IMAGES);
        }

        /** Images sharing one weight draw: the chunk index passed to a {@link WeightDraw} is image / drawImages(). */
        public int drawImages() {
            return semantics == SoftwareSamplingSemantics.PER_IMAGE ? 1 : chunkImages;
        }
    }

    /** Member logits [S][n·C] (image-major, C classes per image) on a dataset, normalised as the model says. */
    public static float[][] memberLogits(BbnnModel model, Dataset data, Settings settings, Progress progress) {
        return memberLogits(model, ModelInputs.normalised(model, data), data.size(), settings, progress);
    }

    /** Member logits [S][n·C] on already normalised input [n × inputSize]. */
    public static float[][] memberLogits(BbnnModel model, float[] input, int n, Settings settings, Progress progress) {
        return memberLogits(model.architecture(), BatchNormStats.of(model), WeightDraw.sampled(model, settings.seed()),
                null, input, n, settings, progress);
    }

    /**
     * The general ensemble runner: member logits [S][n·C] with weights from {@code draw} (called once per member,
     * layer and chunk; the chunk index is image / drawImages) and optional activation quantisation. The hardware
     * simulator runs its deployments through this with its own draw.
     */
    public static float[][] memberLogits(Architecture a, BatchNormStats bn, WeightDraw draw, ActivationQuantiser quantiser,
                                         float[] input, int n, Settings settings, Progress progress) {
        int s = settings.samples();
        int c = a.classes();
        int chunk = settings.drawImages();
        int chunks = (n + chunk - 1) / chunk;
        float[][] out = new float[s][n * c];
        try (Progress.Task task = progress.start("ensemble S=" + s, (long) s * n)) {
            if (quantiser == null && s > 1 && chunks >= 2 * Parallel.current().threads()) {
                // one task per chunk with every member, so members that drew the same first layers share them
                Parallel.forEach(chunks, ch -> {
                    float[][][] w = new float[s][a.depth()][];
                    for (int member = 0; member < s; member++) {
                        for (int i = 0; i < a.depth(); i++) {
                            w[member][i] = draw.weights(member, i, ch);
                        }
                    }
                    int from = ch * chunk;
                    int m = Math.min(chunk, n - from);
                    int d = a.inputSize();
                    float[] x = java.util.Arrays.copyOfRange(input, from * d, (from + m) * d);
                    int[] all = new int[s];
                    for (int member = 0; member < s; member++) {
                        all[member] = member;
                    }
                    runShared(a, bn, w, all, 0, x, m, from, out);
                    synchronized (task) {
                        task.step((long) s * m);
                    }
                });
                return out;
            }
            Parallel.forEach(s * chunks, t -> {
                int member = t / chunks;
                int ch = t % chunks;
                float[][] w = new float[a.depth()][];
                for (int i = 0; i < a.depth(); i++) {
                    w[i] = draw.weights(member, i, ch);
                }
                int from = ch * chunk;
                int m = Math.min(chunk, n - from);
                run(a, bn, w, quantiser, input, from, m, out[member]);
                synchronized (task) {
                    task.step(m);
                }
            });
        }
        return out;
    }

    /** The mode network's logits [n·C] on a dataset. */
    public static float[] modeLogits(BbnnModel model, Dataset data, Progress progress) {
        return modeLogits(model, ModelInputs.normalised(model, data), data.size(), progress);
    }

    /** The mode network's logits [n·C] on already normalised input. */
    public static float[] modeLogits(BbnnModel model, float[] input, int n, Progress progress) {
        var settings = new Settings(1, 0, SoftwareSamplingSemantics.PER_CHUNK, Settings.DEFAULT_CHUNK_IMAGES);
        return memberLogits(model.architecture(), BatchNormStats.of(model), WeightDraw.mode(model), null, input, n,
                settings, progress)[0];
    }

    /**
     * Members {@code members}, all holding the same weights for the layers before {@code layer}, from that layer's
     * input {@code x} (m images) to their logits in out[member] at image {@code from}. Members whose weights of the
     * next layers are equal bit for bit are run through those layers once: the same float operations on the same
     * values give the same bits, so sharing changes no output (docs/MODEL.md §2.5: a trained posterior's first
     * layers are nearly deterministic, so members often draw them alike).
     */
    private static void runShared(Architecture a, BatchNormStats bn, float[][][] w, int[] members, int layer,
                                  float[] x, int m, int from, float[][] out) {
        int c = a.classes();
        java.util.List<int[]> groups = groupByWeights(w, members, layer);
        for (int[] g : groups) {
            int end = layer + 1;
            if (g.length == 1) {
                end = a.depth();
            } else {
                while (end < a.depth() && groupByWeights(w, g, end).size() == 1) {
                    end++;
                }
            }
            float[] y = NetworkForward.run(a, bn, w[g[0]], x, m, layer, end);
            if (end == a.depth()) {
                for (int member : g) {
                    System.arraycopy(y, 0, out[member], from * c, m * c);
                }
            } else {
                runShared(a, bn, w, g, end, y, m, from, out);
            }
        }
    }

    /** Members grouped by bit-identical weights of one layer, in order of first appearance. */
    private static java.util.List<int[]> groupByWeights(float[][][] w, int[] members, int layer) {
        java.util.List<int[]> groups = new java.util.ArrayList<>();
        boolean[] placed = new boolean[members.length];
        for (int i = 0; i < members.length; i++) {
            if (placed[i]) {
                continue;
            }
            int[] g = new int[members.length];
            int size = 0;
            for (int j = i; j < members.length; j++) {
                if (!placed[j] && sameBits(w[members[i]][layer], w[members[j]][layer])) {
                    placed[j] = true;
                    g[size++] = members[j];
                }
            }
            groups.add(java.util.Arrays.copyOf(g, size));
        }
        return groups;
    }

    private static boolean sameBits(float[] p, float[] q) {
        if (p == q) {
            return true;
        }
        if (p.length != q.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (Float.floatToRawIntBits(p[i]) != Float.floatToRawIntBits(q[i])) {
                return false;
            }
        }
        return true;
    }

    private static void run(Architecture a, BatchNormStats bn, float[][] w, ActivationQuantiser q, float[] input,
                            int from, int m, float[] out) {
        int d = a.inputSize();
        float[] x = java.util.Arrays.copyOfRange(input, from * d, (from + m) * d);
        float[] logits = NetworkForward.run(a, bn, w, x, m, 0, a.depth(), q);
        System.arraycopy(logits, 0, out, from * a.classes(), m * a.classes());
    }
}
