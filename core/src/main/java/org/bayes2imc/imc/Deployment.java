package org.bayes2imc.imc;

import org.bayes2imc.random.CounterRandom;

import org.bayes2imc.model.CrossbarTiling;
import org.bayes2imc.device.DeviceModel;
import org.bayes2imc.infer.Parallel;
import org.bayes2imc.model.Architecture;

import java.util.SplittableRandom;

/**
 * One programming of the whole network on PCM crossbars (docs/MODEL.md §5, issue 3): every device programmed once towards
 * its target with the device model's programming noise, a drift exponent per device, and the drift-compensation
 * strategy's reference devices per layer. Seeded by (seed, deployment index, layer), so a deployment is the same
 * whatever the thread count. Per-device state lives in float arrays ([synapse × devices]).
 */
public final class Deployment {
    private static final int BLOCK = 4096;
    private final int index;
    private final DeviceModel device;
    private final float[][] programmed;
    private final float[][] nu;
    private final ReferenceBank[] references;
    private final CrossbarTiling[] tilings;
    private final int devicesPerSynapse;

    private Deployment(int index, DeviceModel device, float[][] programmed, float[][] nu, ReferenceBank[] references,
                       CrossbarTiling[] tilings, int devicesPerSynapse) {
        this.index = index;
        this.device = device;
        this.programmed = programmed;
        this.nu = nu;
        this.references = references;
        this.tilings = tilings;
        this.devicesPerSynapse = devicesPerSynapse;
    }

    /** Programs deployment {@code index} of the targets. */
    public static Deployment program(Architecture a, ProgrammingTargets targets, DeviceModel device,
                                     DriftCompensation compensation, double referenceMicroSiemens,
                                     double designSeconds, int arraySize,
                                     long seed, int index) {
        int depth = a.depth();
        int d = targets.devicesPerSynapse();
        float[][] g = new float[depth][];
        float[][] v = new float[depth][];
        ReferenceBank[] refs = new ReferenceBank[depth];
        CrossbarTiling[] tilings = new CrossbarTiling[depth];
        for (int l = 0; l < depth; l++) {
            tilings[l] = new CrossbarTiling(a.layer(l), arraySize, arraySize, d);
        }
        int[] firstTask = new int[depth + 1];
        for (int l = 0; l < depth; l++) {
            g[l] = new float[targets.targets(l).length];
            v[l] = new float[targets.targets(l).length];
            firstTask[l + 1] = firstTask[l] + (g[l].length + BLOCK - 1) / BLOCK;
        }
        // Fixed blocks of devices, each with its own stream: parallel, yet independent of the thread count.
        Parallel.forEach(firstTask[depth], task -> {
            int l = 0;
            while (firstTask[l + 1] <= task) {
                l++;
            }
            int b = task - firstTask[l];
            float[] t = targets.targets(l);
            SplittableRandom rng = new SplittableRandom(CounterRandom.key(seed, index, l, 2L + b));
            int to = Math.min(t.length, (b + 1) * BLOCK);
            for (int i = b * BLOCK; i < to; i++) {
                double gp = device.program(t[i], rng);
                g[l][i] = (float) gp;
                // ν at the target, as aihwkit and the mapping's expected drift (meanDriftExponent of the target) assume.
                v[l][i] = (float) device.driftExponent(t[i], rng);
            }
        });
        for (int l = 0; l < depth; l++) {
            int columns = tilings[l].rowBlocks() * a.layer(l).outChannels();
            refs[l] = compensation.program(device, referenceMicroSiemens, designSeconds, columns,
                    new SplittableRandom(CounterRandom.key(seed, index, l, 1)));
        }
        return new Deployment(index, device, g, v, refs, tilings, d);
    }

    public int index() {
        return index;
    }

    public DeviceModel device() {
        return device;
    }

    /** Programmed conductances of layer l, [synapse × devices] µS (shared). */
    public float[] programmed(int layer) {
        return programmed[layer];
    }

    /** Drift exponents of layer l's devices (shared). */
    public float[] driftExponents(int layer) {
        return nu[layer];
    }

    public ReferenceBank references(int layer) {
        return references[layer];
    }

    public CrossbarTiling tiling(int layer) {
        return tilings[layer];
    }

    /** Layers programmed. */
    public int tilingCount() {
        return tilings.length;
    }

    public int devicesPerSynapse() {
        return devicesPerSynapse;
    }

    /** Crossbar arrays used by synapses, over all layers. */
    public int arrays() {
        int n = 0;
        for (CrossbarTiling t : tilings) {
            n += t.arrays();
        }
        return n;
    }

    /** Reference devices of the drift-compensation strategy, over all layers. */
    public int referenceDevices() {
        int n = 0;
        for (ReferenceBank r : references) {
            n += r.devices();
        }
        return n;
    }

    /**
     * Whether this deployment's devices read exactly as {@code other}'s at every time in {@code seconds}: the same
     * device model, programmed conductances, drift exponents, tilings and sense references. Then every realisation
     * at those times is the same (noise-free programming with drift off, as in the Monte-Carlo floor, docs/MODEL.md §7).
     */
    public boolean readsAs(Deployment other, double... seconds) {
        if (other == null || !device.equals(other.device) || devicesPerSynapse != other.devicesPerSynapse
                || tilings.length != other.tilings.length) {
            return false;
        }
        for (int l = 0; l < tilings.length; l++) {
            if (!tilings[l].equals(other.tilings[l]) || !java.util.Arrays.equals(programmed[l], other.programmed[l])
                    || !java.util.Arrays.equals(nu[l], other.nu[l])) {
                return false;
            }
            for (double t : seconds) {
                SenseReference a = references[l].at(t);
                SenseReference b = other.references[l].at(t);
                if (!java.util.Arrays.equals(a.meanMicroSiemens(), b.meanMicroSiemens())
                        || !java.util.Arrays.equals(a.sigmaMicroSiemens(), b.sigmaMicroSiemens())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The sense-amplifier column of synapse i of layer l (array column within its row block). */
    public static int column(CrossbarTiling tiling, int synapse) {
        int fanIn = tiling.layer().fanIn();
        int j = synapse / fanIn;
        int k = synapse - j * fanIn;
        return tiling.rowBlockOf(k) * tiling.layer().outChannels() + j;
    }
}
