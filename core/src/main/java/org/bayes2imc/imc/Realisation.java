package org.bayes2imc.imc;

import org.bayes2imc.random.CounterRandom;

import org.bayes2imc.model.CrossbarTiling;
import org.bayes2imc.device.DeviceModel;
import org.bayes2imc.device.Gaussian;
import org.bayes2imc.infer.Parallel;
import org.bayes2imc.model.BbnnModel;

/**
 * The realised probability q = P(sense-amplifier decision is +1) of every synapse of a deployment at time t
 * (docs/MODEL.md §4.3, §5, §7): reads use the drifted mean conductance and the device's read σ at t (of the programmed and
 * drifted conductance: the IBM model's Q_s is evaluated at the programmed one); a single device is
 * compared with the drift-compensation strategy's reference (mean μ_c, read σ_c for a reference cell):
 * q = Φ((g_d − μ_c)/√(σ_r² + σ_c²)); a differential pair compares its two reads: q = Φ((g+ − g−)/√(σ+² + σ−²)).
 * Exact for Gaussian reads (the clamp of a read at 0 only matters when both compared levels are near 0). With
 * frozen read noise every device is read once at t and q is the 0/1 outcome of that read.
 */
public final class Realisation {
    private static final int BLOCK = 4096;

    private Realisation() {
    }

    /** q per layer and synapse for a PCM deployment at {@code seconds}; {@code frozenKey} used only when frozen. */
    public static float[][] pcm(Deployment d, double seconds, boolean frozen, long frozenKey) {
        int depth = d.tilingCount();
        float[][] q = new float[depth][];
        SenseReference[] refs = new SenseReference[depth];
        int[] firstTask = new int[depth + 1];
        for (int l = 0; l < depth; l++) {
            refs[l] = d.references(l).at(seconds);
            q[l] = new float[d.programmed(l).length / d.devicesPerSynapse()];
            firstTask[l + 1] = firstTask[l] + (q[l].length + BLOCK - 1) / BLOCK;
        }
        DeviceModel dev = d.device();
        int devices = d.devicesPerSynapse();
        Parallel.forEach(firstTask[depth], task -> {
            int l = 0;
            while (firstTask[l + 1] <= task) {
                l++;
            }
            int b = task - firstTask[l];
            float[] g = d.programmed(l);
            float[] nu = d.driftExponents(l);
            SenseReference ref = refs[l];
            CrossbarTiling tiling = d.tiling(l);
            float[] ql = q[l];
            long key = CounterRandom.key(frozenKey, l);
            int to = Math.min(ql.length, (b + 1) * BLOCK);
            for (int i = b * BLOCK; i < to; i++) {
                int dv = i * devices;
                double gd = dev.drifted(g[dv], nu[dv], seconds);
                double sd = dev.readNoiseSigmaMicroSiemens(g[dv], gd, seconds);
                double against;
                double sa;
                if (devices == 2) {
                    against = dev.drifted(g[dv + 1], nu[dv + 1], seconds);
                    sa = dev.readNoiseSigmaMicroSiemens(g[dv + 1], against, seconds);
                } else {
                    int c = ref.perColumn() ? Deployment.column(tiling, i) : 0;
                    against = ref.mean(c);
                    sa = ref.sigma(c);
                }
                if (frozen) {
                    double read = Math.max(0, gd + sd * CounterRandom.gaussian(key, 2L * i));
                    double other = sa > 0 ? Math.max(0, against + sa * CounterRandom.gaussian(key, 2L * i + 1)) : against;
                    ql[i] = read > other ? 1f : 0f;
                } else {
                    double s = Math.sqrt(sd * sd + sa * sa);
                    ql[i] = (float) (s > 0 ? Gaussian.cdf((gd - against) / s) : (gd > against ? 1 : 0));
                }
            }
        });
        return q;
    }

    /** The literal-read sampler of a PCM deployment at {@code seconds}: drifted means and read σ per device. */
    public static LiteralReadSampler literalSampler(Deployment d, double seconds) {
        int depth = d.tilingCount();
        float[][] mean = new float[depth][];
        float[][] sigma = new float[depth][];
        SenseReference[] refs = new SenseReference[depth];
        CrossbarTiling[] tilings = new CrossbarTiling[depth];
        DeviceModel dev = d.device();
        for (int l = 0; l < depth; l++) {
            float[] g = d.programmed(l);
            float[] nu = d.driftExponents(l);
            mean[l] = new float[g.length];
            sigma[l] = new float[g.length];
            for (int i = 0; i < g.length; i++) {
                double gd = dev.drifted(g[i], nu[i], seconds);
                mean[l][i] = (float) gd;
                sigma[l][i] = (float) dev.readNoiseSigmaMicroSiemens(g[i], gd, seconds);
            }
            refs[l] = d.references(l).at(seconds);
            tilings[l] = d.tiling(l);
        }
        return new LiteralReadSampler(mean, sigma, refs, tilings, d.devicesPerSynapse());
    }

    /** The SRAM baseline's q: the stored b-bit word over 2^b; clamped synapses stored as 0 or 2^b. */
    public static float[][] sram(BbnnModel model, boolean[][] clamped, int bits) {
        int depth = model.architecture().depth();
        float[][] q = new float[depth][];
        double scale = 1L << bits;
        for (int l = 0; l < depth; l++) {
            float[] lambda = model.lambda(l);
            float[] ql = new float[lambda.length];
            for (int i = 0; i < lambda.length; i++) {
                double p = BbnnModel.probabilityPlusOne(lambda[i]);
                if (clamped != null && clamped[l][i]) {
                    p = lambda[i] >= 0f ? 1.0 : 0.0;
                }
                ql[i] = (float) (LfsrSampler.word(p, bits) / scale);
            }
            q[l] = ql;
        }
        return q;
    }
}
