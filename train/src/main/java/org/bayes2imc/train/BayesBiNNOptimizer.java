package org.bayes2imc.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/**
 * The BayesBiNN optimizer (Meng, Bachmann, Khan, ICML 2020; docs/MODEL.md §2.2) on one flat float32 tensor holding the λ
 * of every layer, written with whole-tensor NDArray ops (DJL ships only Adam/SGD). Per step:
 * δ = ½·ln(ε/(1−ε)), w_r = tanh((λ + δ)/τ); s per {@link ScaleStrategy}; ĝ = N·mean over samples of s⊙g;
 * m ← β·m + (1−β)·(ĝ + klWeight·(λ − λ0)); λ ← λ − lr·m/(1 − β^t). The μ in s follows {@link MuLag}.
 * The state arrays live in the manager given at construction; callers run each step inside an NDScope.
 */
public final class BayesBiNNOptimizer implements AutoCloseable {
    private final BayesBiNNConfig config;
    private final double datasetSize;
    private final NDArray lambda;
    private final NDArray momentum;
    private final NDArray muState;
    private long step;

    /**
     * @param datasetSize N of ĝ: the training-set size times {@link BayesBiNNConfig#datasetScale()}
     * @param lambda      initial λ (flat, all layers concatenated)
     * @param momentum    initial m (same length; zeros for a fresh run)
     * @param mu          μ state for {@link MuLag#REFERENCE_ONE_STEP} (tanh(λ) for a fresh run)
     * @param step        updates already done (0 for a fresh run)
     */
    public BayesBiNNOptimizer(NDManager manager, BayesBiNNConfig config, double datasetSize, float[] lambda,
                              float[] momentum, float[] mu, long step) {
        if (lambda.length != momentum.length || lambda.length != mu.length) {
            throw new IllegalArgumentException("λ, momentum and μ state must have equal lengths");
        }
        this.config = config;
        this.datasetSize = datasetSize;
        Shape shape = new Shape(lambda.length);
        this.lambda = manager.create(lambda, shape);
        this.momentum = manager.create(momentum, shape);
        this.muState = manager.create(mu, shape);
        this.step = step;
    }

    /** A fresh optimizer: λ initialised per the config (random signs from {@code signs}, in {−1, +1}), m = 0. */
    public static BayesBiNNOptimizer fresh(NDManager manager, BayesBiNNConfig config, double datasetSize,
                                           int weights, java.util.SplittableRandom signs) {
        float[] lam = new float[weights];
        if (config.lambdaInit() == LambdaInit.RANDOM_SIGN) {
            float mag = (float) config.lambdaInitMagnitude();
            for (int i = 0; i < weights; i++) {
                lam[i] = signs.nextBoolean() ? mag : -mag;
            }
        }
        float[] mu = new float[weights];
        for (int i = 0; i < weights; i++) {
            mu[i] = (float) Math.tanh(lam[i]);
        }
        return new BayesBiNNOptimizer(manager, config, datasetSize, lam, new float[weights], mu, 0);
    }

    public BayesBiNNConfig config() {
        return config;
    }

    /** The live λ tensor (do not close). */
    public NDArray lambda() {
        return lambda;
    }

    public long step() {
        return step;
    }

    public float[] lambdaValues() {
        return lambda.toFloatArray();
    }

    public float[] momentumValues() {
        return momentum.toFloatArray();
    }

    public float[] muValues() {
        return muState.toFloatArray();
    }

    /** Relaxed weights w_r = tanh((λ + ½·ln(ε/(1−ε)))/τ) for uniform noise ε in (0, 1), same length as λ. */
    public NDArray relaxedWeights(NDArray uniform) {
        // The same float ops in the same order as ((λ + ½·ln(ε/(−ε + 1)))/τ).tanh(), but in place on this method's
        // own temporaries where one exists: 3 instead of 8 weight-sized allocations per sample (issue 17). δ + λ
        // for λ + δ is the same float (IEEE addition commutes), so the weights are bit-identical.
        NDArray t = uniform.neg().addi(1f);
        NDArray delta = uniform.div(t).log().muli(0.5f);
        t.close();
        return delta.addi(lambda).divi((float) config.temperature()).tanh();
    }

    /** The natural-gradient scale s for relaxed weights w_r, per the configured strategy. */
    NDArray scale(NDArray relaxed) {
        if (config.scaleStrategy() == ScaleStrategy.EXPECTATION_ONE) {
            return null; // s ≡ 1: the caller skips the multiply
        }
        NDArray mu = config.muLag() == MuLag.CURRENT ? lambda.tanh() : muState;
        // (1 − w_r²) first, then + 1e-10, as the reference: in float32 1 + 1e-10 == 1
        NDArray s = relaxed.square().neg().add(1f).add(1e-10f).div((float) config.temperature())
                .div(mu.square().neg().add(1f).add(1e-10f));
        return config.scaleStrategy() == ScaleStrategy.CLAMPED ? s.minimum((float) config.scaleClamp()) : s;
    }

    /**
     * One update from the relaxed weights of each MC sample and the loss gradients at them.
     *
     * @param learningRate this step's learning rate (after the schedule)
     */
    public void update(List<NDArray> relaxed, List<NDArray> gradients, double learningRate) {
        if (relaxed.size() != gradients.size() || relaxed.isEmpty()) {
            throw new IllegalArgumentException("need one gradient per relaxed-weight sample");
        }
        NDArray sum = null;
        for (int k = 0; k < relaxed.size(); k++) {
            NDArray s = scale(relaxed.get(k));
            NDArray sg = s == null ? gradients.get(k) : s.mul(gradients.get(k));
            sum = sum == null ? sg : sum.add(sg);
        }
        NDArray ghat = sum.mul((float) (datasetSize / relaxed.size()));
        // ĝ is this method's own temporary, so the pull is added in place; with the default λ0 = +0 and weight 1
        // (λ − 0)·1 is λ itself, bit for bit (−0 included), and the two weight-sized ops are skipped (issue 17)
        NDArray pull = Double.doubleToRawLongBits(config.priorLambda()) == 0L && config.klWeight() == 1 ? lambda
                : lambda.sub((float) config.priorLambda()).mul((float) config.klWeight());
        NDArray direction = ghat.addi(pull);
        double beta = config.momentum();
        step++;
        if (config.muLag() == MuLag.REFERENCE_ONE_STEP) {
            // the reference stores μ = tanh(pre-update λ) for the next step (docs/MODEL.md §2.2)
            assign(muState, lambda.tanh());
        }
        if (beta == 0) {
            assign(momentum, direction);
            lambda.subi(direction.muli((float) learningRate)); // direction is ours and already copied to m
        } else {
            momentum.muli((float) beta).addi(direction.mul((float) (1 - beta)));
            double bias = 1 - Math.pow(beta, step);
            lambda.subi(momentum.mul((float) (learningRate / bias)));
        }
    }

    /** Cosine annealing from lr0 to 0 over totalSteps, evaluated at step t (0-based). */
    public static double cosineLearningRate(double lr0, long t, long totalSteps) {
        return lr0 * 0.5 * (1 + Math.cos(Math.PI * Math.min(t, totalSteps) / Math.max(1, totalSteps)));
    }

    @Override
    public void close() {
        lambda.close();
        momentum.close();
        muState.close();
    }

    /**
     * target ← source, element for element. Not {@code source.copyTo(target)}: DJL's copy runs under libtorch's
     * deprecated AutoNonVariableTypeMode guard, which prints a deprecation warning on stderr; an index-put of the
     * whole array is the same copy without it.
     */
    private static void assign(NDArray target, NDArray source) {
        target.set(ALL, source);
    }

    private static final ai.djl.ndarray.index.NDIndex ALL = new ai.djl.ndarray.index.NDIndex(":");
}
