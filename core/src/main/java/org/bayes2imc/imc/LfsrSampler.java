package org.bayes2imc.imc;

import org.bayes2imc.model.Architecture;

import java.util.SplittableRandom;

/**
 * The SRAM baseline's sampler (docs/MODEL.md §6): p is stored as a b-bit word P = round(p·2^b); per array column a 16-bit
 * maximal-length Galois {@link Lfsr} seeded from the member/chunk stream produces one b-bit word per synapse of the
 * column and the comparator gives w = +1 iff word &lt; P. (The LFSR never produces 0, so P(word &lt; P) is P/2^b to
 * within 2^-16.)
 */
public final class LfsrSampler implements SynapseSampler {
    private final Architecture architecture;
    private final int bits;

    public LfsrSampler(Architecture architecture, int bits) {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("SRAM word bits must be in [1, 16], got " + bits);
        }
        this.architecture = architecture;
        this.bits = bits;
    }

    /** The stored word of a probability: round(p·2^b), in [0, 2^b]. */
    public static int word(double p, int bits) {
        return (int) Math.max(0, Math.min(1L << bits, Math.round(p * (1L << bits))));
    }

    @Override
    public void draw(int layer, int[] synapses, float[] q, SplittableRandom rng, float[] out) {
        int fanIn = architecture.layer(layer).fanIn();
        int scale = 1 << bits;
        int column = -1;
        Lfsr lfsr = null;
        for (int i = 0; i < out.length; i++) {
            int syn = synapses == null ? i : synapses[i];
            int c = syn / fanIn;
            if (c != column) {
                column = c;
                lfsr = new Lfsr(16, rng.nextLong());
            }
            int p = Math.round(q[i] * scale);
            out[i] = lfsr.nextWord(bits) < p ? 1f : -1f;
        }
    }
}
