package org.bayes2imc.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Pins single BayesBiNN updates (docs/MODEL.md §2.2) on values computed by hand (independently, in double precision). */
class BayesBiNNOptimizerTest {

    @Test
    void exactScaleUpdateMatchesHandComputedValues() {
        // τ = 0.5, N = 10, KL weight 1, λ0 = 0.1, lr = 0.1, β = 0, μ from the current λ
        BayesBiNNConfig cfg = new BayesBiNNConfig(0.5, ScaleStrategy.EXACT, 1000, 1, LambdaInit.ZERO, 10, 0.1, 1, 0, 0.1, 1, MuLag.CURRENT);
        float[] lam = {0.3f, -0.7f, 0f, 2f};
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager();
             BayesBiNNOptimizer opt = new BayesBiNNOptimizer(m, cfg, 10, lam, new float[4], tanh(lam), 0)) {
            NDArray eps = m.create(new float[] {0.2f, 0.9f, 0.5f, 0.6f});
            NDArray wr = opt.relaxedWeights(eps);
            // w_r = tanh((λ + ½ln(ε/(1−ε)))/τ)
            assertClose(wr.toFloatArray(), new double[] {-0.6563046760002447, 0.6624822950053595, 0.0, 0.9997018554491331}, 1e-6);
            // s = (1 − w_r² + 1e-10)/τ/(1 − μ² + 1e-10)
            assertClose(opt.scale(wr).toFloatArray(), new double[] {1.244107048548771, 1.768023352164114, 2.0, 0.016877377212671286}, 2e-5);
            NDArray g = m.create(new float[] {0.01f, -0.02f, 0.03f, 0.005f}, new Shape(4));
            opt.update(List.of(wr), List.of(g), 0.1);
            // λ ← λ − lr·(N·s⊙g + (λ − λ0))
            assertClose(opt.lambdaValues(), new double[] {0.26755892951451227, -0.5846395329567177, -0.05, 1.8099156131139367}, 2e-6);
            assertThat(opt.step()).isEqualTo(1);
        }
    }

    @Test
    void expectationOneWithMomentumAppliesBiasCorrection() {
        // s ≡ 1, N = 10, KL weight 0.5, λ0 = 0, lr = 0.1, β = 0.9: two steps with the same gradient
        BayesBiNNConfig cfg = new BayesBiNNConfig(1e-10, ScaleStrategy.EXPECTATION_ONE, 1000, 1, LambdaInit.ZERO, 10, 0, 0.5, 0.9, 0.1, 1, MuLag.CURRENT);
        float[] lam = {0.3f, -0.7f};
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager();
             BayesBiNNOptimizer opt = new BayesBiNNOptimizer(m, cfg, 10, lam, new float[2], tanh(lam), 0)) {
            NDArray wr = m.create(new float[] {1f, -1f});
            NDArray g = m.create(new float[] {0.01f, -0.02f});
            opt.update(List.of(wr), List.of(g), 0.1);
            assertClose(opt.lambdaValues(), new double[] {0.275, -0.645}, 1e-6);
            assertClose(opt.momentumValues(), new double[] {0.025, -0.055}, 1e-7);
            opt.update(List.of(wr), List.of(g), 0.1);
            assertClose(opt.lambdaValues(), new double[] {0.2506578947368421, -0.5914473684210525}, 1e-6);
            assertClose(opt.momentumValues(), new double[] {0.04625, -0.10175}, 1e-7);
        }
    }

    @Test
    void clampedScaleIsBoundedAndReferenceLagUsesPreviousLambda() {
        BayesBiNNConfig cfg = new BayesBiNNConfig(1e-10, ScaleStrategy.CLAMPED, 3, 1, LambdaInit.ZERO, 10, 0, 1, 0, 0.5, 1,
                MuLag.REFERENCE_ONE_STEP);
        float[] lam = {0f, 5f};
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager();
             BayesBiNNOptimizer opt = new BayesBiNNOptimizer(m, cfg, 1, lam, new float[2], tanh(lam), 0)) {
            NDArray wr = m.create(new float[] {1f, 1f});
            // float32 w_r = ±1: s = 1e-10/τ/(1 − μ²): 1 at λ = 0, ~1/(1 − tanh²5) ≈ 5507 at λ = 5, clamped to 3
            assertClose(opt.scale(wr).toFloatArray(), new double[] {1, 3}, 1e-5);
            opt.update(List.of(wr), List.of(m.create(new float[] {0f, 0f})), 0.5);
            // λ ← 0.5·λ; the stored μ is tanh of the pre-update λ
            assertClose(opt.lambdaValues(), new double[] {0, 2.5}, 1e-6);
            assertClose(opt.muValues(), new double[] {0, Math.tanh(5)}, 1e-6);
        }
    }

    @Test
    void cosineScheduleFallsToZero() {
        assertThat(BayesBiNNOptimizer.cosineLearningRate(0.01, 0, 100)).isEqualTo(0.01);
        assertThat(BayesBiNNOptimizer.cosineLearningRate(0.01, 50, 100)).isCloseTo(0.005, within(1e-12));
        assertThat(BayesBiNNOptimizer.cosineLearningRate(0.01, 99, 100)).isLessThan(1e-5);
    }

    private static float[] tanh(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
        return y;
    }

    private static void assertClose(float[] actual, double[] expected, double tol) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(tol * Math.max(1, Math.abs(expected[i]))));
        }
    }
}
