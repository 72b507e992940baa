package org.bayes2imc.study;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.device.DeviceModel;
import org.bayes2imc.device.MappingConfig;
import org.bayes2imc.imc.ProgrammingTargets;
import org.bayes2imc.infer.SoftwareEnsemble;
import org.bayes2imc.infer.UniformActivationQuantiser;
import org.bayes2imc.io.Progress;
import org.bayes2imc.metrics.EnsembleLogits;
import org.bayes2imc.model.BbnnModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The deterministic work that the studies of one model share, done once and handed out immutable: the programming
 * targets per (device, mapping, design read time, clamped layers) (docs/MODEL.md §5), the activation quantiser per
 * (bits, calibration set) (§5) and the ideal software ensemble's member logits per (S, seed, images) (§2.5, the
 * reference of the logit correction, §7). Each depends only on its key, never on the programming noise, the drift
 * or the random streams of a deployment, so sharing it leaves every figure bit-identical. Datasets are keyed by
 * identity. One instance may serve every step of a demo; a {@link Study} without one makes its own.
 */
public final class SharedWork {
    private final BbnnModel model;
    private final Map<TargetsKey, ProgrammingTargets> targets = new HashMap<>();
    private final Map<QuantiserKey, Optional<UniformActivationQuantiser>> quantisers = new HashMap<>();
    private final List<Software> software = new ArrayList<>();
    private int softwarePasses;

    public SharedWork(BbnnModel model) {
        this.model = model;
    }

    public BbnnModel model() {
        return model;
    }

    /** The programming targets of this key, solved by {@code solve} the first time. */
    ProgrammingTargets targets(DeviceModel device, MappingConfig mapping, double designSeconds, boolean[] clampLayer,
                               Supplier<ProgrammingTargets> solve) {
        TargetsKey key = new TargetsKey(device, mapping, Double.doubleToLongBits(designSeconds),
                Arrays.toString(clampLayer));
        synchronized (targets) {
            ProgrammingTargets t = targets.get(key);
            if (t != null) {
                return t;
            }
        }
        ProgrammingTargets t = solve.get();
        synchronized (targets) {
            return targets.computeIfAbsent(key, k -> t);
        }
    }

    /** The activation quantiser fixed on {@code calibration} with {@code bits} (null: float activations). */
    UniformActivationQuantiser quantiser(int bits, Dataset calibration, Supplier<UniformActivationQuantiser> fit) {
        QuantiserKey key = new QuantiserKey(bits, new Identity(calibration));
        synchronized (quantisers) {
            Optional<UniformActivationQuantiser> q = quantisers.get(key);
            if (q != null) {
                return q.orElse(null);
            }
        }
        Optional<UniformActivationQuantiser> q = Optional.ofNullable(fit.get());
        synchronized (quantisers) {
            return quantisers.computeIfAbsent(key, k -> q).orElse(null);
        }
    }

    /**
     * The software ensemble's member logits of {@code data} with these settings (S, seed, chunking), computed by
     * {@code run} unless already held. Also taken, without running, from the held logits of a larger set whose first
     * images are {@code data}'s when {@code data} ends on a chunk boundary of the ensemble (or covers the whole set):
     * each chunk's weights are drawn from the stream of its index and its images go through the same kernels with
     * the same batch, so those logits are the same numbers.
     */
    EnsembleLogits softwareLogits(Dataset data, SoftwareEnsemble.Settings settings, Supplier<EnsembleLogits> run) {
        synchronized (software) {
            for (Software s : software) {
                EnsembleLogits e = s.of(data, settings);
                if (e != null) {
                    return e;
                }
            }
        }
        EnsembleLogits e = run.get();
        synchronized (software) {
            softwarePasses++;
            software.add(new Software(data, settings, e));
        }
        return e;
    }

    /**
     * The software ensemble's member logits of {@code data} ({@link SoftwareEnsemble#memberLogits} on the current
     * engine), shared as above: the demo's software step leaves its test and OOD logits here for the later steps.
     */
    public EnsembleLogits softwareLogits(Dataset data, SoftwareEnsemble.Settings settings, Progress progress) {
        return softwareLogits(data, settings, () -> new EnsembleLogits(model.architecture().classes(),
                SoftwareEnsemble.memberLogits(model, data, settings, progress)));
    }

    /** How many software-ensemble passes this instance ran (the others were shared). */
    public int softwarePasses() {
        synchronized (software) {
            return softwarePasses;
        }
    }

    private record TargetsKey(DeviceModel device, MappingConfig mapping, long designSecondsBits, String clampLayer) {
    }

    private record QuantiserKey(int bits, Identity calibration) {
    }

    /** A key object compared by identity. */
    private record Identity(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    /** Held software logits of one dataset. */
    private record Software(Dataset data, SoftwareEnsemble.Settings settings, EnsembleLogits logits) {
        /** The logits of {@code d} if they are these or a chunk-aligned prefix of these, else null. */
        EnsembleLogits of(Dataset d, SoftwareEnsemble.Settings s) {
            if (!s.equals(settings)) {
                return null;
            }
            if (d == data) {
                return logits;
            }
            int n = d.size();
            boolean aligned = n == data.size() || n % settings.chunkImages() == 0;
            if (!aligned || n > data.size() || d.channels() != data.channels() || d.height() != data.height()
                    || d.width() != data.width()) {
                return null;
            }
            int values = n * d.channels() * d.height() * d.width();
            if (!Arrays.equals(d.features(), 0, values, data.features(), 0, values)) {
                return null;
            }
            float[][] members = logits.members();
            float[][] out = new float[members.length][];
            for (int m = 0; m < members.length; m++) {
                out[m] = Arrays.copyOf(members[m], n * logits.classes());
            }
            return new EnsembleLogits(logits.classes(), out);
        }
    }
}
