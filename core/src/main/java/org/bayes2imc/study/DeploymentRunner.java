package org.bayes2imc.study;

import org.bayes2imc.imc.SynapseSampler;
import org.bayes2imc.imc.SampleStreams;
import org.bayes2imc.imc.Realisation;
import org.bayes2imc.imc.ReadNoiseMode;
import org.bayes2imc.imc.ProgrammingTargets;
import org.bayes2imc.imc.PrefixCache;
import org.bayes2imc.imc.LfsrSampler;
import org.bayes2imc.imc.SamplerDesign;
import org.bayes2imc.imc.Deployment;
import org.bayes2imc.imc.DeployedCore;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.random.CounterRandom;
import org.bayes2imc.imc.BernoulliSampler;
import org.bayes2imc.imc.ActivationRanges;
import org.bayes2imc.sparsity.SparsityAnalysis;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.sparsity.SparsitySettings;
import org.bayes2imc.sparsity.SynapseClassifier;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.device.ConductanceSolver;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.infer.Parallel;
import org.bayes2imc.infer.SoftwareEnsemble;
import org.bayes2imc.infer.UniformActivationQuantiser;
import org.bayes2imc.io.Progress;
import org.bayes2imc.metrics.EnsembleLogits;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;


/**
 * Deploys a BBNN on the simulated in-memory-computing core (docs/MODEL.md §5–§8, issue 3): solves the target conductances
 * once, then for each of K seeded deployments programs the devices (own programming noise, drift exponents and
 * reference devices), realises every synapse's sampling probability at the evaluation time and runs the S-member
 * hardware ensemble. Deterministic for a seed at any thread count. These are the primitives {@link Study} loops over
 * (and {@code bench} times): {@link #program(int)}, {@link #core(Deployment, int, double)},
 * {@link #logits(DeployedCore, Dataset, Progress)}.
 */
public final class DeploymentRunner {
    /** Share of probabilistic synapses that layers from L* on must hold when L* is chosen automatically (docs/MODEL.md §8). */
    public static final double ENSEMBLE_FRACTION = SparsitySettings.DEFAULT_ENSEMBLE_FRACTION;

    private final BbnnModel model;
    private final DeployOptions options;
    private final int firstEnsemblingLayer;
    private final boolean[][] clamped;
    private final ProgrammingTargets targets;
    private UniformActivationQuantiser quantiser;
    /** Per dataset (by identity): inputs and prefix caches; cleared when the activation ranges change. */
    private final java.util.Map<Dataset, Inputs> inputs = new java.util.IdentityHashMap<>();
    private boolean calibrated;
    /** The engine this runner's work runs on: options.engine's thread count, bound per call, never global. */
    private final Parallel parallel;
    /** Targets, quantisers and software logits shared with the other runners of the same model. */
    private final SharedWork shared;

    public DeploymentRunner(BbnnModel model, DeployOptions options) {
        this(options, new SharedWork(model));
    }

    /** A runner of {@code shared}'s model that takes what it can from, and leaves what it computes in, {@code shared}. */
    public DeploymentRunner(DeployOptions options, SharedWork shared) {
        this.shared = shared;
        this.model = shared.model();
        BbnnModel model = this.model;
        this.options = options;
        this.parallel = Parallel.of(options.threads());
        Architecture a = model.architecture();
        int depth = a.depth();
        if (options.sparsity() == SparsityMode.NONE) {
            firstEnsemblingLayer = 0;
        } else if (options.firstEnsemblingLayer() >= 0) {
            if (options.firstEnsemblingLayer() >= depth) {
                throw new org.bayes2imc.io.InvalidSetting("first_ensembling_layer", "must be in [0, " + (depth - 1) + "], got "
                        + options.firstEnsemblingLayer());
            }
            firstEnsemblingLayer = options.firstEnsemblingLayer();
        } else {
            firstEnsemblingLayer = automaticFirstEnsemblingLayer(model, options.mapping().epsilon(), ENSEMBLE_FRACTION);
        }
        boolean[] clampLayer = new boolean[depth];
        for (int l = 0; l < depth; l++) {
            clampLayer[l] = options.sparsity() != SparsityMode.NONE && l < firstEnsemblingLayer;
        }
        if (options.design() == SamplerDesign.BAYES2IMC) {
            ConductanceSolver solver = new ConductanceSolver(options.device(), options.mapping(), options.mappingSeconds());
            // depends only on (device, mapping, design time, clamped layers): solved once for every runner sharing them
            targets = shared.targets(options.device(), options.mapping(), options.mappingSeconds(), clampLayer,
                    () -> parallel.call(() -> ProgrammingTargets.solve(model, solver, clampLayer)));
            clamped = new boolean[depth][];
            for (int l = 0; l < depth; l++) {
                clamped[l] = targets.clamped(l);
            }
        } else {
            targets = null;
            clamped = ProgrammingTargets.clampFlags(model, options.mapping().epsilon(), clampLayer);
        }
    }

    /**
     * L* chosen as the sparsity analysis does (docs/MODEL.md §8): the largest layer index L whose layers L.. hold at least
     * {@code fraction} of the probabilistic synapses (ε rule of {@link SynapseClassifier}).
     */
    public static int automaticFirstEnsemblingLayer(BbnnModel model, double epsilon, double fraction) {
        int depth = model.architecture().depth();
        SynapseClassifier c = SynapseClassifier.ofEpsilon(epsilon);
        long[] prob = new long[depth];
        for (int l = 0; l < depth; l++) {
            for (float lam : model.lambda(l)) {
                if (c.isProbabilistic(lam)) {
                    prob[l]++;
                }
            }
        }
        return SparsityAnalysis.chooseFirstEnsemblingLayer(prob, fraction);
    }

    public BbnnModel model() {
        return model;
    }

    public DeployOptions options() {
        return options;
    }

    /** L* (0 when sparsity is off). */
    public int firstEnsemblingLayer() {
        return firstEnsemblingLayer;
    }

    /** Fixes the k-bit activation ranges from up to 256 images of a calibration set (unlabelled use only). */
    public void calibrateActivations(Dataset calibration) {
        ModelInputs.checkShape(model, calibration);
        quantiser = options.activationBits() == 0 ? null
                : shared.quantiser(options.activationBits(), calibration, () -> parallel.call(() ->
                ActivationRanges.calibrate(model, ModelInputs.normalised(model, calibration), calibration.size(),
                        options.activationBits())));
        calibrated = true;
        synchronized (inputs) {
            inputs.clear();
        }
    }

    /** The activation quantiser in use (null = float activations). */
    public UniformActivationQuantiser quantiser() {
        return quantiser;
    }

    /** Programs deployment {@code index} (null for the SRAM design, which has no devices to program). */
    public Deployment program(int index) {
        if (options.design() == SamplerDesign.SRAM) {
            return null;
        }
        return parallel.call(() -> Deployment.program(model.architecture(), targets, options.device(), options.compensation(),
                options.mapping().referenceMicroSiemens(), options.mappingSeconds(), options.arraySize(), options.seed(), index));
    }

    /** The deployed core of deployment {@code d} (index {@code sramIndex} for SRAM) at {@code seconds}. */
    public DeployedCore core(Deployment d, int index, double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new org.bayes2imc.io.InvalidSetting("time", "must be a finite time >= 0 s, got " + seconds);
        }
        if (!calibrated) {
            throw new IllegalStateException("call calibrateActivations before evaluating");
        }
        long timeBits = Double.doubleToLongBits(seconds);
        long streamSeed = streamSeed(index, seconds);
        float[][] q;
        SynapseSampler sampler = BernoulliSampler.INSTANCE;
        boolean force = false;
        if (options.design() == SamplerDesign.SRAM) {
            q = Realisation.sram(model, clamped, options.sramBits());
            sampler = new LfsrSampler(model.architecture(), options.sramBits());
        } else {
            boolean frozen = options.readNoise() == ReadNoiseMode.FROZEN;
            q = parallel.call(() -> Realisation.pcm(d, seconds, frozen, CounterRandom.key(options.seed(), index, timeBits, 9)));
            if (options.literalReads() && !frozen) {
                sampler = Realisation.literalSampler(d, seconds);
                force = true;
            }
        }
        return new DeployedCore(model, q, clamped, sampler, quantiser, firstEnsemblingLayer, streamSeed, force,
                options.sampling(), options.engine());
    }

    /** The seed of deployment {@code index}'s sample streams at {@code seconds}. */
    private long streamSeed(int index, double seconds) {
        return options.sampleStreams() == SampleStreams.COMMON ? CounterRandom.key(options.seed(), 0, 0, 7)
                : CounterRandom.key(options.seed(), index, Double.doubleToLongBits(seconds), 7);
    }

    /**
     * Whether deployments whose devices read alike ({@link Deployment#readsAs}) may share one realised core: true
     * for PCM unless read noise is frozen or reads are literal (both keyed by the deployment, not only its devices).
     */
    public boolean sharesRealisations() {
        return options.design() == SamplerDesign.BAYES2IMC && options.readNoise() != ReadNoiseMode.FROZEN
                && !options.literalReads();
    }

    /**
     * The core of deployment {@code index} at {@code seconds} when its devices read exactly as those {@code realised}
     * was realised from (check with {@link Deployment#readsAs}; needs {@link #sharesRealisations}): the same
     * realisation and plans, this deployment's own sample streams. The same numbers as {@link #core(Deployment, int,
     * double)}, without realising and planning again.
     */
    public DeployedCore core(DeployedCore realised, int index, double seconds) {
        if (!sharesRealisations()) {
            throw new IllegalStateException("realisations are per deployment here (frozen read noise or literal reads)");
        }
        return realised.withStreamSeed(streamSeed(index, seconds));
    }

    /** The deployed core of a programmed PCM deployment at {@code seconds} (any number of times per deployment). */
    public DeployedCore core(Deployment d, double seconds) {
        if (d == null) {
            throw new IllegalArgumentException("the SRAM design has no deployment to realise; use core(null, index, seconds)");
        }
        return core(d, d.index(), seconds);
    }

    /** Programs deployment {@code index} and returns its core at {@code seconds}. */
    public DeployedCore core(int index, double seconds) {
        return core(program(index), index, seconds);
    }

    /** Hardware member logits of a dataset through a deployed core (S = options.samples()). */
    public EnsembleLogits logits(DeployedCore core, Dataset data, Progress progress) {
        return logits(core, data, options.samples(), progress);
    }

    /** Hardware member logits with a given member count. */
    public EnsembleLogits logits(DeployedCore core, Dataset data, int members, Progress progress) {
        Inputs in;
        synchronized (inputs) {
            in = inputs.computeIfAbsent(data, d -> new Inputs(ModelInputs.normalised(model, d), new PrefixCache()));
        }
        try (Progress.Task task = progress.start("deploy " + data.name(), data.size())) {
            return new EnsembleLogits(model.architecture().classes(), core.logits(in.x, data.size(), members, task, in.prefix));
        }
    }

    /** Chunks of {@code data} whose deterministic prefix is cached (0 when none is). */
    int cachedPrefixChunks(Dataset data) {
        synchronized (inputs) {
            Inputs in = inputs.get(data);
            return in == null ? 0 : in.prefix.cachedChunks();
        }
    }

    /** A dataset's normalised input and its deterministic-prefix cache, kept while the runner evaluates it. */
    private record Inputs(float[] x, PrefixCache prefix) {
    }

    /** The ideal software ensemble's member logits (float activations, the same S and seed). */
    public EnsembleLogits softwareLogits(Dataset data, Progress progress) {
        SoftwareEnsemble.Settings s = new SoftwareEnsemble.Settings(options.samples(), options.seed(),
                org.bayes2imc.infer.SoftwareSamplingSemantics.PER_CHUNK, SoftwareEnsemble.Settings.DEFAULT_CHUNK_IMAGES);
        // S, the seed and the chunking fix these logits: shared by the runners and steps asking for the same images
        return shared.softwareLogits(data, s, () -> new EnsembleLogits(model.architecture().classes(),
                parallel.call(() -> SoftwareEnsemble.memberLogits(model, data, s, progress))));
    }
}
