package org.bayes2imc.train;

import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Checks the DJL eval-mode forward pass against a direct double-precision computation on an MLP. */
class DjlForwardTest {

    @Test
    void mlpLogitsMatchADirectComputation() {
        Architecture a = Architectures.parse("custom:3x1x1:2::4");
        BbnnModel m = BbnnModel.zeros(a);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < a.depth(); i++) {
            for (int c = 0; c < m.bnMean(i).length; c++) {
                m.bnMean(i)[c] = (float) r.nextDouble(-1, 1);
                m.bnVar(i)[c] = (float) r.nextDouble(0.5, 2);
            }
        }
        float[][] w = DjlForward.sampleWeights(m, r);
        float[] x = {0.5f, -1f, 2f, 1f, 1f, -0.25f};
        float[] y = DjlForward.logits(m, w, x, 2);
        for (int n = 0; n < 2; n++) {
            double[] h = new double[4];
            for (int o = 0; o < 4; o++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += w[0][o * 3 + k] * x[n * 3 + k];
                }
                h[o] = Math.max(0, (s - m.bnMean(0)[o]) / Math.sqrt(m.bnVar(0)[o] + 1e-5));
            }
            for (int o = 0; o < 2; o++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += w[1][o * 4 + k] * h[k];
                }
                double expected = (s - m.bnMean(1)[o]) / Math.sqrt(m.bnVar(1)[o] + 1e-5);
                assertThat((double) y[n * 2 + o]).isCloseTo(expected, within(1e-5));
            }
        }
    }

    @Test
    void samplingFollowsSigmoidTwoLambda() {
        Architecture a = Architectures.parse("custom:100x1x1:2::");
        BbnnModel m = BbnnModel.zeros(a);
        java.util.Arrays.fill(m.lambda(0), (float) BbnnModel.lambdaFor(0.8));
        SplittableRandom r = new SplittableRandom(5);
        long plus = 0;
        int draws = 50;
        for (int k = 0; k < draws; k++) {
            for (float v : DjlForward.sampleWeights(m, r)[0]) {
                plus += v > 0 ? 1 : 0;
            }
        }
        // 10,000 Bernoulli(0.8) draws: sd = 0.004; 0.02 is five standard deviations
        assertThat(plus / (double) (draws * 200)).isCloseTo(0.8, within(0.02));
        assertThat(DjlForward.modeWeights(m)[0]).containsOnly(1f);
    }
}
