package org.bayes2imc.imc;

import org.bayes2imc.device.ConductanceSolver;
import org.bayes2imc.device.SynapseConductances;
import org.bayes2imc.device.SynapseEncoding;
import org.bayes2imc.infer.Parallel;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.sparsity.SynapseClassifier;

/**
 * The target conductance(s) of every synapse of a model under one mapping (docs/MODEL.md §5): p = sigmoid(2λ) solved by the
 * device's {@link ConductanceSolver}; synapses with p outside [ε, 1 − ε], and every synapse of a layer clamped by
 * layer sparsity (docs/MODEL.md §8), go to SET/RESET by sign(λ). Solved once and shared by every deployment; per-synapse state
 * is kept in primitive float/boolean arrays (synapse-major, devices adjacent).
 */
public final class ProgrammingTargets {
    private static final int BLOCK = 4096;
    private final float[][] targets;
    private final boolean[][] clamped;
    private final int devices;

    private ProgrammingTargets(float[][] targets, boolean[][] clamped, int devices) {
        this.targets = targets;
        this.clamped = clamped;
        this.devices = devices;
    }

    /**
     * @param clampLayer per layer: true = every synapse clamped to sign(λ) (layers before L* under layer sparsity)
     */
    public static ProgrammingTargets solve(BbnnModel model, ConductanceSolver solver, boolean[] clampLayer) {
        int depth = model.architecture().depth();
        boolean pair = solver.config().encoding() == SynapseEncoding.DIFFERENTIAL_PAIR;
        int d = pair ? 2 : 1;
        float[][] t = new float[depth][];
        // which synapses are stored deterministically: the one ε rule (SynapseClassifier), as for the SRAM core
        boolean[][] c = clampFlags(model, solver.config().epsilon(), clampLayer);
        double set = solver.config().setMicroSiemens();
        double reset = solver.config().resetMicroSiemens();
        for (int l = 0; l < depth; l++) {
            float[] lambda = model.lambda(l);
            float[] tl = new float[lambda.length * d];
            boolean[] cl = c[l];
            int blocks = (lambda.length + BLOCK - 1) / BLOCK;
            Parallel.forEach(blocks, b -> {
                int to = Math.min(lambda.length, (b + 1) * BLOCK);
                for (int i = b * BLOCK; i < to; i++) {
                    if (cl[i]) {
                        boolean plus = lambda[i] >= 0f;
                        tl[i * d] = (float) (plus ? set : reset);
                        if (pair) {
                            tl[i * d + 1] = (float) (plus ? reset : set);
                        }
                    } else {
                        SynapseConductances g = solver.target(BbnnModel.probabilityPlusOne(lambda[i]));
                        tl[i * d] = (float) g.positiveMicroSiemens();
                        if (pair) {
                            tl[i * d + 1] = (float) g.negativeMicroSiemens();
                        }
                    }
                }
            });
            t[l] = tl;
        }
        return new ProgrammingTargets(t, c, d);
    }

    /**
     * Which synapses are stored deterministically: p outside [ε, 1 − ε] (docs/MODEL.md §8; the one definition,
     * {@link SynapseClassifier}; ε = 0 clamps none), or every synapse of a layer with {@code clampLayer[l]} (layers
     * before L* under layer sparsity).
     */
    public static boolean[][] clampFlags(BbnnModel model, double epsilon, boolean[] clampLayer) {
        int depth = model.architecture().depth();
        boolean[][] c = new boolean[depth][];
        SynapseClassifier classifier = epsilon > 0 ? SynapseClassifier.ofEpsilon(epsilon) : null;
        for (int l = 0; l < depth; l++) {
            float[] lambda = model.lambda(l);
            boolean all = clampLayer != null && clampLayer[l];
            boolean[] cl = new boolean[lambda.length];
            for (int i = 0; i < lambda.length; i++) {
                cl[i] = all || (classifier != null && !classifier.isProbabilistic(lambda[i]));
            }
            c[l] = cl;
        }
        return c;
    }

    /** Devices per synapse (1 single device, 2 differential pair). */
    public int devicesPerSynapse() {
        return devices;
    }

    /** Target conductances of layer l, [synapse × devices] µS (shared, not copied). */
    public float[] targets(int layer) {
        return targets[layer];
    }

    /** True where the synapse is stored deterministically in SET/RESET (shared, not copied). */
    public boolean[] clamped(int layer) {
        return clamped[layer];
    }

    public int layers() {
        return targets.length;
    }
}
