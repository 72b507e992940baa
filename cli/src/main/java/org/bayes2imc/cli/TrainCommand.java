package org.bayes2imc.cli;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Datasets;
import org.bayes2imc.model.ModelFile;
import org.bayes2imc.train.BayesBiNNConfig;
import org.bayes2imc.train.LambdaInit;
import org.bayes2imc.train.MuLag;
import org.bayes2imc.train.PosteriorSummary;
import org.bayes2imc.train.ScaleStrategy;
import org.bayes2imc.train.TrainConfig;
import org.bayes2imc.train.TorchThreads;
import org.bayes2imc.train.TrainResult;
import org.bayes2imc.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bayes2imc train}: BayesBiNN training (docs/MODEL.md §2.2) on DJL/PyTorch CPU with checkpoints and calibration. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a Bayesian binary neural network with BayesBiNN on DJL/PyTorch (CPU, offline).",
                "Holds out a seeded validation split, checkpoints after every epoch (--resume continues), fits a "
                        + "calibration temperature on the validation split and reports the fraction of probabilistic synapses.",
                "Defaults are tuned for fmnist-small on Fashion-MNIST (train/TUNING.md)."})
public final class TrainCommand implements Callable<Integer> {
    private static final BayesBiNNConfig D = BayesBiNNConfig.defaults();

    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "Dataset name (default: ${DEFAULT-VALUE}).")
    String dataset;
    @Option(names = "--arch", defaultValue = "fmnist-small",
            description = "Network: a name (fmnist-small, fmnist-tiny, vgg-binaryconnect, mlp) or custom:CxHxW:CLASSES:CONV:FC (default: ${DEFAULT-VALUE}).")
    String arch;
    @Option(names = "--epochs", defaultValue = "" + TrainConfig.DEFAULT_EPOCHS, description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--batch-size", defaultValue = "" + TrainConfig.DEFAULT_BATCH_SIZE, description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--lr", defaultValue = "" + BayesBiNNConfig.DEFAULT_LEARNING_RATE,
            description = "Initial learning rate, cosine-annealed per step to 0 (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--temperature", defaultValue = "" + BayesBiNNConfig.DEFAULT_TEMPERATURE,
            description = "Relaxation temperature τ of w_r = tanh((λ+δ)/τ) (default: ${DEFAULT-VALUE}).")
    double temperature;
    @Option(names = "--scale-strategy", defaultValue = "EXPECTATION_ONE",
            description = "Natural-gradient scale s: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; EXACT collapses the posterior in float32, docs/MODEL.md §2.4).")
    ScaleStrategy scaleStrategy;
    @Option(names = "--scale-clamp", defaultValue = "" + BayesBiNNConfig.DEFAULT_SCALE_CLAMP,
            description = "Upper bound on s for CLAMPED (default: ${DEFAULT-VALUE}).")
    double scaleClamp;
    @Option(names = "--dataset-scale", defaultValue = "" + BayesBiNNConfig.DEFAULT_DATASET_SCALE,
            description = "N = training images × this; larger N = fewer probabilistic synapses (default: ${DEFAULT-VALUE}).")
    double datasetScale;
    @Option(names = "--lambda-init", defaultValue = "ZERO", description = "λ initialisation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    LambdaInit lambdaInit;
    @Option(names = "--lambda-init-magnitude", defaultValue = "10", description = "|λ| for RANDOM_SIGN (default: ${DEFAULT-VALUE}).")
    double lambdaInitMagnitude;
    @Option(names = "--prior", defaultValue = "0", description = "Prior natural parameter λ0 (default: ${DEFAULT-VALUE}).")
    double prior;
    @Option(names = "--kl-weight", defaultValue = "1", description = "Weight of the pull (λ − λ0) towards the prior (default: ${DEFAULT-VALUE}).")
    double klWeight;
    @Option(names = "--momentum", defaultValue = "0", description = "Momentum β of the update average (default: ${DEFAULT-VALUE}).")
    double momentum;
    @Option(names = "--mc-samples", defaultValue = "1", description = "Monte-Carlo samples of the weights per step (default: ${DEFAULT-VALUE}).")
    int mcSamples;
    @Option(names = "--mu-lag", defaultValue = "CURRENT", description = "μ in s from: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    MuLag muLag;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of split, data order, init and noise (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--validation-fraction", defaultValue = "0.1", description = "Held-out share of the training set (default: ${DEFAULT-VALUE}).")
    double validationFraction;
    @Option(names = "--calibration-samples", defaultValue = "10", description = "Ensemble members for the temperature fit (default: ${DEFAULT-VALUE}).")
    int calibrationSamples;
    @picocli.CommandLine.Mixin
    LimitOption limit;
    @Option(names = "--out", defaultValue = "model.safetensors", description = "Model file to write (default: ${DEFAULT-VALUE}).")
    Path out;
    @Option(names = "--checkpoint-dir", description = "Checkpoint directory (default: OUT.checkpoints).")
    Path checkpointDir;
    @Option(names = "--resume", description = "Continue from the checkpoint in --checkpoint-dir.")
    boolean resume;
    @Option(names = "--data-dir", description = "Data cache directory (default: $BAYES2IMC_DATA_DIR or ~/.cache/bayes2imc/data).")
    Path dataDir;
    /** PyTorch intra-op threads; 0 = all cores; 1 is faster on a busy machine. */
    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Override
    public Integer call() {
        int t = threads.raw();
        Checks.count("--epochs", epochs, 100_000);
        Checks.count("--batch-size", batchSize, 1_000_000);
        Checks.count("--mc-samples", mcSamples, Checks.MAX_SAMPLES);
        Checks.count("--calibration-samples", calibrationSamples, Checks.MAX_SAMPLES);
        Checks.open("--validation-fraction", validationFraction, 0, 1);
        int images = limit.value();
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + ": is a folder; give the model file to write, e.g. "
                    + out.resolve("model.safetensors"));
        }
        Path cpDir = checkpointDir != null ? checkpointDir : Path.of(out + ".checkpoints");
        // claimed before the data are read: an unwritable place must not cost an epoch of training
        Path parent = out.toAbsolutePath().getParent();
        OutputDir.claim("--out", parent, "." + out.getFileName() + ".lock");
        OutputDir.claim("--checkpoint-dir", cpDir);
        // read by DJL when the PyTorch engine starts, i.e. before the first NDArray below (0 = all cores)
        TorchThreads.request(t);
        BayesBiNNConfig opt = new BayesBiNNConfig(temperature, scaleStrategy, scaleClamp, datasetScale, lambdaInit,
                lambdaInitMagnitude, prior, klWeight, momentum, lr, mcSamples, muLag);
        TrainConfig cfg = new TrainConfig(arch, dataset, epochs, batchSize, seed, validationFraction, images, calibrationSamples, opt);
        Path data = dataDir != null ? dataDir : Datasets.defaultDataDir();
        Dataset train = Datasets.load(dataset, "train", data);
        TrainResult r = new Trainer(cfg, ConsoleProgress.INSTANCE, System.out::println).train(train, cpDir, resume);
        ModelFile.write(out, r.model());
        PosteriorSummary p = r.posterior();
        System.out.println("posterior (probabilistic iff min(p, 1-p) >= eps):");
        System.out.printf(Locale.ROOT, "  %-8s %10s %10s %10s%n", "layer", "synapses", "eps=0.01", "eps=0.001");
        for (PosteriorSummary.Layer l : p.layers()) {
            System.out.printf(Locale.ROOT, "  %-8s %10d %9.2f%% %9.2f%%%n", l.layer(), l.synapses(), 100 * l.fraction01(), 100 * l.fraction001());
        }
        System.out.printf(Locale.ROOT, "  %-8s %10d %9.2f%% %9.2f%%%n", "all", p.synapses(), 100 * p.fraction01(), 100 * p.fraction001());
        System.out.printf(Locale.ROOT, "wrote %s (validation ensemble accuracy %.2f%%, calibration T = %.3f, %.0f s training)%n",
                out, 100 * r.validationEnsembleAccuracy(), r.calibrationTemperature(), r.trainingSeconds());
        return 0;
    }
}
