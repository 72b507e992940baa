package org.bayes2imc.metrics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TemperatureScalingTest {

    @Test
    void nllMatchesHandComputedValues() {
        // one sample, logits (0, ln 3), label 1: p = 3/4 at T = 1; at T = 2 p = √3/(1 + √3)
        float[][] z = {{0f, (float) Math.log(3)}};
        assertThat(TemperatureScaling.nll(z, new int[] {1}, 2, 1)).isCloseTo(Math.log(4.0 / 3), within(1e-7));
        assertThat(TemperatureScaling.nll(z, new int[] {1}, 2, 2)).isCloseTo(-Math.log(Math.sqrt(3) / (1 + Math.sqrt(3))), within(1e-7));
        // two members (0, ln 3) and (ln 3, 0): the mean softmax is (½, ½)
        float[][] two = {{0f, (float) Math.log(3)}, {(float) Math.log(3), 0f}};
        assertThat(TemperatureScaling.nll(two, new int[] {0}, 2, 1)).isCloseTo(Math.log(2), within(1e-7));
    }

    @Test
    void recoversTheTemperatureThatGeneratedTheLabels() {
        // labels drawn from softmax(z / 2.5): the maximum-likelihood temperature is 2.5 up to sampling error
        double trueT = 2.5;
        int n = 20000;
        int c = 5;
        SplittableRandom r = new SplittableRandom(42);
        float[] z = new float[n * c];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] p = new double[c];
            double s = 0;
            for (int k = 0; k < c; k++) {
                z[i * c + k] = (float) (3 * gaussian(r));
                p[k] = Math.exp(z[i * c + k] / trueT);
                s += p[k];
            }
            double u = r.nextDouble() * s;
            int k = 0;
            while (k < c - 1 && (u -= p[k]) > 0) {
                k++;
            }
            y[i] = k;
        }
        double t = TemperatureScaling.fit(new float[][] {z}, y, c);
        // standard error of the MLE at n = 20000 is ~0.03 here; 0.15 is five standard errors
        assertThat(t).isCloseTo(trueT, within(0.15));
        assertThat(TemperatureScaling.nll(new float[][] {z}, y, c, t))
                .isLessThan(TemperatureScaling.nll(new float[][] {z}, y, c, 1.0));
    }

    @Test
    void ensembleProbabilitiesAreTheMeanOfMemberSoftmaxes() {
        float[][] two = {{0f, (float) Math.log(3)}, {(float) Math.log(3), 0f}};
        double[] p = TemperatureScaling.ensembleProbabilities(two, 2, 1);
        assertThat(p).containsExactly(new double[] {0.5, 0.5}, within(1e-7));
    }

    @Test
    void rejectsMismatchedInput() {
        assertThatThrownBy(() -> TemperatureScaling.fit(new float[][] {{0f, 1f, 2f}}, new int[] {0}, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TemperatureScaling.fit(new float[][] {{0f, 1f}}, new int[] {3}, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
