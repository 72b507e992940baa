package org.bayes2imc.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's speed-ups of the training step keep its floats: the in-place relaxed weights and update give the same
 * bits as the original out-of-place expressions (the demo's cached model stays valid).
 */
class TrainStepBitsTest {
    private static final int N = 4096;

    @Test
    void relaxedWeightsAndUpdateEqualTheOriginalExpressionsBitForBit() {
        SplittableRandom r = new SplittableRandom(17);
        float[] lam = new float[N];
        float[] eps = new float[N];
        float[] grad = new float[N];
        for (int i = 0; i < N; i++) {
            lam[i] = i % 97 == 0 ? (i % 2 == 0 ? 0f : -0f) : (float) (r.nextGaussian() * 3);
            eps[i] = ((r.nextInt() >>> 8) + 0.5f) * 0x1p-24f;
            grad[i] = i % 89 == 0 ? -0f : (float) (r.nextGaussian() * 1e-3);
        }
        for (double tau : new double[] {BayesBiNNConfig.DEFAULT_TEMPERATURE, 1.0}) {
            BayesBiNNConfig d = BayesBiNNConfig.defaults();
            BayesBiNNConfig cfg = new BayesBiNNConfig(tau, d.scaleStrategy(), d.scaleClamp(), d.datasetScale(), d.lambdaInit(),
                    d.lambdaInitMagnitude(), d.priorLambda(), d.klWeight(), d.momentum(), d.learningRate(), d.mcSamples(), d.muLag());
            try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
                BayesBiNNOptimizer opt = new BayesBiNNOptimizer(m, cfg, 2000 * 54000.0, lam, new float[N], new float[N], 0);
                NDArray u = m.create(eps, new Shape(N));
                NDArray l0 = m.create(lam, new Shape(N));
                // the expressions as they were before issue 17
                NDArray oldDelta = u.div(u.neg().add(1f)).log().mul(0.5f);
                float[] oldWr = l0.add(oldDelta).div((float) tau).tanh().toFloatArray();
                NDArray g = m.create(grad, new Shape(N));
                NDArray oldDir = g.mul((float) (2000 * 54000.0)).add(l0.sub(0f).mul(1f));
                float[] oldLam = l0.sub(oldDir.mul(0.01f)).toFloatArray();

                NDArray wr = opt.relaxedWeights(u);
                assertThat(bits(wr.toFloatArray())).as("w_r at τ = %s", tau).containsExactly(bits(oldWr));
                assertThat(bits(u.toFloatArray())).as("ε untouched").containsExactly(bits(eps));
                opt.update(List.of(wr), List.of(g), 0.01);
                assertThat(bits(opt.lambdaValues())).as("λ after one update").containsExactly(bits(oldLam));
                assertThat(bits(opt.momentumValues())).as("m = the update direction").containsExactly(bits(oldDir.toFloatArray()));
            }
        }
    }

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }
}
