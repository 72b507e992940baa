package org.bayes2imc.study;

import org.bayes2imc.random.CounterRandom;
import org.bayes2imc.correct.CalibrationSet;
import org.bayes2imc.correct.LogitCorrection;
import org.bayes2imc.correct.LogitMap;
import org.bayes2imc.correct.NoLogitCorrection;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.DeployedCore;
import org.bayes2imc.imc.Deployment;
import org.bayes2imc.imc.SamplerDesign;
import org.bayes2imc.imc.NoCompensation;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.io.Progress;
import org.bayes2imc.metrics.EnsembleLogits;
import org.bayes2imc.metrics.Evaluation;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.CrossbarTiling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One deployments × times × configurations study of a BBNN on the simulated in-memory-computing core (docs/MODEL.md
 * §5–§8): for each configuration, K cores are programmed once ({@link DeploymentRunner#program}), each is realised at
 * every time ({@link DeploymentRunner#core}) and reads the test and OOD sets with S samples; a logit correction, when
 * set, is fitted per (deployment, time) on the unlabelled calibration set; a Monte-Carlo floor, when set, repeats
 * the same with programming noise and drift off and other random streams. Every (configuration, deployment, time)
 * reads the random streams keyed by (seed, deployment, time), so a cell's numbers do not depend on which other
 * configurations, times or threads the study has. Build with {@link #builder()}; {@link #run(Progress)} returns
 * typed rows.
 */
public final class Study {
    /** Mixed into the seed of a study's Monte-Carlo floor run, so its reads use other random streams. */
    private static final long FLOOR_SEED = CounterRandom.GOLDEN;

    private final BbnnModel model;
    private final Dataset test;
    private final Dataset ood;
    private final Dataset calibration;
    private final List<Configuration> configurations;
    private final double[] times;
    private final int deployments;
    private final LogitCorrection correction;
    private final int floorDeployments;
    private final boolean sharedFloor;
    private final boolean software;
    private final boolean keepLogits;
    private final SharedWork shared;

    private Study(Builder b) {
        model = b.model;
        test = b.test;
        ood = b.ood;
        calibration = b.calibration;
        configurations = List.copyOf(b.configurations);
        times = b.times;
        deployments = b.deployments;
        correction = b.correction instanceof NoLogitCorrection ? null : b.correction;
        floorDeployments = b.floorDeployments;
        sharedFloor = b.sharedFloor;
        software = b.software;
        keepLogits = b.keepLogits;
        shared = b.shared != null ? b.shared : new SharedWork(model);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The options of a Monte-Carlo floor run (docs/MODEL.md §7): the same settings with programming noise and drift
     * off and other random streams; null for the SRAM design (no devices).
     */
    public static DeployOptions floorOptions(DeployOptions o) {
        if (o.design() != SamplerDesign.BAYES2IMC) {
            return null;
        }
        return o.withDevice(o.device().withoutProgrammingNoiseAndDrift()).withSeed(o.seed() ^ FLOOR_SEED);
    }

    /** Runs the study; progress reports every pass of a dataset through a core. */
    public StudyResult run(Progress progress) {
        double temperature = model.calibrationTemperature();
        EvaluationResult sw = null;
        double softwareSeconds = 0;
        List<StudyCell> cells = new ArrayList<>();
        for (Configuration c : configurations) {
            DeploymentRunner runner = runner(c.options());
            if (software && sw == null) {
                // the software ensemble depends only on S and the seed, so the first configuration's runner gives it
                long t0 = System.nanoTime();
                sw = Evaluation.of(runner.softwareLogits(test, progress), test.labels(), temperature,
                        ood == null ? null : runner.softwareLogits(ood, progress));
                softwareSeconds = (System.nanoTime() - t0) / 1e9;
            }
            List<StudyCell> own = sweep(runner, c.name(), deploymentsOf(c.options()), ood, keepLogits, progress);
            if (floorDeployments > 0 && !sharedFloor) {
                DeployOptions f = floorOptions(c.options());
                own = f == null ? own : withFloor(own, sweep(runner(f), c.name(), floorDeployments, null, false, progress));
            }
            cells.addAll(own);
        }
        if (floorDeployments > 0 && sharedFloor) {
            // with drift off every compensation reads alike: one uncompensated floor serves every configuration
            DeployOptions f = floorOptions(configurations.get(0).options());
            if (f != null) {
                List<StudyCell> floor = sweep(runner(f.withCompensation(new NoCompensation())), "floor",
                        floorDeployments, null, false, progress);
                cells = withFloor(cells, floor);
            }
        }
        return new StudyResult(model.architecture(), sw, configurations, cells,
                test.size() + (ood == null ? 0 : ood.size()), softwareSeconds);
    }

    private int deploymentsOf(DeployOptions o) {
        return deployments > 0 ? deployments : o.deployments();
    }

    private DeploymentRunner runner(DeployOptions o) {
        DeploymentRunner r = new DeploymentRunner(o, shared);
        r.calibrateActivations(calibration);
        return r;
    }

    /** Each cell given the floor cell at its time. */
    private static List<StudyCell> withFloor(List<StudyCell> cells, List<StudyCell> floor) {
        List<StudyCell> out = new ArrayList<>();
        for (StudyCell c : cells) {
            StudyCell f = floor.stream().filter(x -> x.seconds() == c.seconds()).findFirst().orElseThrow();
            out.add(c.withFloor(f.raw(), f.corrected()));
        }
        return out;
    }

    /** K deployments of one runner, each programmed once and read at every time. */
    private List<StudyCell> sweep(DeploymentRunner runner, String name, int k, Dataset ood, boolean keep,
                                  Progress progress) {
        double temperature = model.calibrationTemperature();
        int classes = model.architecture().classes();
        float[] softwareCalibration = correction == null ? null
                : LogitFitting.flatten(runner.softwareLogits(calibration, progress));
        float[] meanInput = correction != null && correction.needsReadBack()
                ? LogitFitting.meanFinalLayerInput(model, calibration) : null;
        List<List<DeploymentRow>> rows = new ArrayList<>();
        double[] evaluationSeconds = new double[times.length];
        for (double ignored : times) {
            rows.add(new ArrayList<>());
        }
        int arrays = 0;
        long shared = 0;
        long member = 0;
        // Deployments whose devices read alike (noise-free programming: the floor) share deployment 0's realised
        // cores, each with its own sample streams; decided by programming deployment 1 ahead and comparing.
        Deployment first = null;
        Deployment next = null;
        DeployedCore[] firstCores = null;
        for (int d = 0; d < k; d++) {
            long tp = System.nanoTime();
            Deployment dep = d == 1 && next != null ? next : runner.program(d);
            if (d == 0 && k > 1 && dep != null && runner.sharesRealisations()) {
                next = runner.program(1);
                first = next.readsAs(dep, times) ? dep : null;
                firstCores = first == null ? null : new DeployedCore[times.length];
            }
            boolean sameReads = d > 0 && first != null && dep.readsAs(first, times);
            double programSeconds = (System.nanoTime() - tp) / 1e9;
            for (int t = 0; t < times.length; t++) {
                long tr = System.nanoTime();
                DeployedCore core = sameReads ? runner.core(firstCores[t], d, times[t]) : runner.core(dep, d, times[t]);
                if (d == 0 && firstCores != null) {
                    firstCores[t] = core;
                }
                double realiseSeconds = (System.nanoTime() - tr) / 1e9;
                long te = System.nanoTime();
                EnsembleLogits in = runner.logits(core, test, progress);
                EnsembleLogits out = ood == null ? null : runner.logits(core, ood, progress);
                double evalSeconds = (System.nanoTime() - te) / 1e9;
                evaluationSeconds[t] += evalSeconds;
                EvaluationResult raw = Evaluation.of(in, test.labels(), temperature, out);
                EvaluationResult corrected = null;
                LogitMap map = null;
                if (correction != null) {
                    EnsembleLogits cal = runner.logits(core, calibration, progress);
                    CalibrationSet.FinalLayerReadBack readBack = meanInput == null ? null
                            : LogitFitting.readBack(model, core, meanInput);
                    map = correction.fit(new CalibrationSet(classes, LogitFitting.flatten(cal), softwareCalibration,
                            readBack));
                    corrected = Evaluation.of(LogitFitting.apply(map, in), test.labels(), temperature,
                            out == null ? null : LogitFitting.apply(map, out));
                }
                rows.get(t).add(new DeploymentRow(d, raw, corrected, map, dep == null ? 0 : dep.referenceDevices(),
                        core.layerPlans(), (t == 0 ? programSeconds : 0) + realiseSeconds, evalSeconds,
                        keep ? in : null, keep ? out : null));
                arrays = dep == null ? sramArrays(runner.options()) : dep.arrays();
                shared = core.sharedMacsPerImage();
                member = core.memberMacsPerImage();
            }
        }
        List<StudyCell> cells = new ArrayList<>();
        for (int t = 0; t < times.length; t++) {
            cells.add(new StudyCell(name, times[t], runner.firstEnsemblingLayer(),
                    correction == null ? null : correction.name(), List.copyOf(rows.get(t)), null, null, arrays,
                    shared, member, evaluationSeconds[t]));
        }
        return cells;
    }

    private int sramArrays(DeployOptions o) {
        int n = 0;
        for (var l : model.architecture().layers()) {
            n += new CrossbarTiling(l, o.arraySize(), o.arraySize(), o.sramBits()).arrays();
        }
        return n;
    }

    /**
     * Builds a {@link Study} (DJL {@code Criteria} style): {@code set*} are required, {@code opt*} optional; checked
     * in {@link #build()}.
     */
    public static final class Builder {
        private BbnnModel model;
        private Dataset test;
        private Dataset ood;
        private Dataset calibration;
        private final List<Configuration> configurations = new ArrayList<>();
        private double[] times;
        private int deployments;
        private LogitCorrection correction;
        private int floorDeployments;
        private boolean sharedFloor;
        private boolean software = true;
        private boolean keepLogits;
        private SharedWork shared;

        private Builder() {
        }

        /** The trained model deployed. */
        public Builder setModel(BbnnModel v) {
            model = v;
            return this;
        }

        /** The labelled evaluation set. */
        public Builder setTest(Dataset v) {
            test = v;
            return this;
        }

        /**
         * Unlabelled images (never test images) that fix the activation ranges (first 256) and on which each
         * deployment's logit correction is fitted.
         */
        public Builder setCalibration(Dataset v) {
            calibration = v;
            return this;
        }

        /** Adds a configuration; at least one is required. */
        public Builder addConfiguration(String name, DeployOptions options) {
            configurations.add(new Configuration(name, options));
            return this;
        }

        /** Adds a configuration named by its drift compensation. */
        public Builder addConfiguration(DeployOptions options) {
            return addConfiguration(options == null ? "?" : options.compensation().id(), options);
        }

        /** An out-of-distribution set for the OOD figures [default none]. */
        public Builder optOod(Dataset v) {
            ood = v;
            return this;
        }

        /** The read times after programming, seconds [default: the first configuration's {@code seconds}]. */
        public Builder optTimes(double... seconds) {
            times = seconds.clone();
            return this;
        }

        /** Deployments K of every configuration [default: each configuration's {@code deployments}]. */
        public Builder optDeployments(int k) {
            deployments = k;
            return this;
        }

        /** A logit correction fitted per (deployment, time) on the calibration set [default none]. */
        public Builder optCorrection(LogitCorrection v) {
            correction = v;
            return this;
        }

        /**
         * Runs each configuration's Monte-Carlo floor with {@code k} deployments on the test set (no OOD) [default
         * none]; ignored for the SRAM design.
         */
        public Builder optFloor(int k) {
            floorDeployments = k;
            return this;
        }

        /**
         * One floor, uncompensated, shared by every configuration: right when they differ only in drift
         * compensation, which with drift off reads alike [default: one floor per configuration].
         */
        public Builder optSharedFloor(boolean v) {
            sharedFloor = v;
            return this;
        }

        /** Evaluates the ideal software ensemble on the same images [default true]. */
        public Builder optSoftware(boolean v) {
            software = v;
            return this;
        }

        /** Keeps every deployment's member logits in its row [default false]. */
        public Builder optKeepLogits(boolean v) {
            keepLogits = v;
            return this;
        }

        /**
         * The work shared with other studies of the same model (targets, activation ranges, software logits)
         * [default: the study's own]. Sharing never changes a figure.
         */
        public Builder optShared(SharedWork v) {
            shared = v;
            return this;
        }

        public Study build() {
            if (model == null) {
                throw new IllegalArgumentException("study: model must be set");
            }
            if (test == null) {
                throw new IllegalArgumentException("study: test set must be set");
            }
            if (calibration == null) {
                throw new IllegalArgumentException("study: calibration set must be set");
            }
            if (shared != null && shared.model() != model) {
                throw new IllegalArgumentException("study: the shared work belongs to another model");
            }
            if (configurations.isEmpty()) {
                throw new IllegalArgumentException("study: at least one configuration must be added");
            }
            if (configurations.stream().map(Configuration::name).distinct().count() != configurations.size()) {
                throw new IllegalArgumentException("study: configuration names must differ");
            }
            ModelInputs.checkShape(model, test);
            if (ood != null) {
                ModelInputs.checkShape(model, ood);
            }
            ModelInputs.checkShape(model, calibration);
            if (times == null) {
                times = new double[] {configurations.get(0).options().seconds()};
            }
            if (times.length == 0) {
                throw new IllegalArgumentException("study: times must not be empty");
            }
            for (double t : times) {
                if (!(t >= 0) || Double.isInfinite(t)) {
                    throw new IllegalArgumentException("study: times must be finite and >= 0 s, got " + t);
                }
            }
            if (Arrays.stream(times).distinct().count() != times.length) {
                throw new IllegalArgumentException("study: times must differ, got " + Arrays.toString(times));
            }
            if (deployments < 0) {
                throw new IllegalArgumentException("study: deployments must be >= 1, got " + deployments);
            }
            if (floorDeployments < 0) {
                throw new IllegalArgumentException("study: floor deployments must be >= 0 (0 = none), got "
                        + floorDeployments);
            }
            return new Study(this);
        }
    }
}
