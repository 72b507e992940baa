package org.bayes2imc.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.List;

/** A child process for {@link NativeStderrTest}: one optimizer update on each copy path (β = 0, reference μ lag). */
final class QuietUpdateMain {
    private QuietUpdateMain() {
    }

    public static void main(String[] args) {
        BayesBiNNConfig cfg = new BayesBiNNConfig(1e-10, ScaleStrategy.CLAMPED, 3, 1, LambdaInit.ZERO, 10, 0, 1, 0, 0.5, 1,
                MuLag.REFERENCE_ONE_STEP);
        float[] lam = {0f, 5f};
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager();
             BayesBiNNOptimizer opt = new BayesBiNNOptimizer(m, cfg, 1, lam, new float[2], new float[2], 0)) {
            NDArray wr = m.create(new float[] {1f, 1f});
            opt.update(List.of(wr), List.of(m.create(new float[] {0f, 0f})), 0.5);
            System.out.println("updated " + opt.lambdaValues()[1]);
        }
    }
}
