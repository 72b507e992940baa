package org.bayes2imc.device;


import java.util.SplittableRandom;

/**
 * A lab-style characterisation of one device model: N devices are programmed towards one target, each draws its
 * drift exponent, drifts to the evaluation time and is read once against the sense amplifier's reference. The
 * target is either a conductance or a probability p that {@link ConductanceSolver} turns into a conductance for the
 * design read time; with a differential-pair mapping N pairs are programmed and the sense amplifier compares the
 * reads of the two devices (the distributions then describe the G+ device).
 * Sequential with one seeded generator, so results depend on the seed only.
 */
public final class DeviceCharacterisation {
    /** Two-sided confidence of the reported binomial interval of the sense-amplifier frequency. */
    public static final double CONFIDENCE = 0.999;

    /** What to characterise; exactly one of targetConductanceMicroSiemens / targetP is non-null. */
    public record Settings(DeviceModel model, Double targetConductanceMicroSiemens, Double targetP, double seconds,
                           double designSeconds, int draws, long seed, MappingConfig mapping) {
        public Settings {
            if (targetConductanceMicroSiemens != null && mapping.encoding() == SynapseEncoding.DIFFERENTIAL_PAIR) {
                throw new org.bayes2imc.io.InvalidSetting("encoding", "differential needs a target probability (a pair is solved from p)");
            }
            if (!(designSeconds >= 0.0) || Double.isInfinite(designSeconds)) {
                throw new org.bayes2imc.io.InvalidSetting("design_time", "must be a finite duration >= 0, got " + designSeconds);
            }
            if ((targetConductanceMicroSiemens == null) == (targetP == null)) {
                throw new IllegalArgumentException("give exactly one of a target conductance and a target p");
            }
            if (targetP != null && !(targetP > 0.0 && targetP < 1.0)) {
                throw new org.bayes2imc.io.InvalidSetting("target_p", "must lie in (0, 1), got " + targetP);
            }
            if (targetConductanceMicroSiemens != null && !(targetConductanceMicroSiemens >= 0.0
                    && targetConductanceMicroSiemens <= model.maxConductanceMicroSiemens())) {
                throw new org.bayes2imc.io.InvalidSetting("target_conductance", "must lie in [0, "
                        + model.maxConductanceMicroSiemens() + "] µS, got " + targetConductanceMicroSiemens);
            }
            if (!(seconds >= 0.0) || Double.isInfinite(seconds)) {
                throw new org.bayes2imc.io.InvalidSetting("time", "must be a finite duration >= 0, got " + seconds);
            }
            if (draws <= 0) {
                throw new org.bayes2imc.io.InvalidSetting("draws", "must be > 0, got " + draws);
            }
        }
    }

    /** The measured distributions and the sense amplifier's behaviour. */
    public record Result(Settings settings, double targetConductanceMicroSiemens, double minusTargetMicroSiemens,
                         boolean deterministic,
                         DistributionSummary programmed, DistributionSummary driftExponent,
                         DistributionSummary drifted, DistributionSummary read, DistributionSummary realisedP,
                         double meanAttempts, double meanPulses, long readsAboveReference,
                         BinomialInterval interval) {
        public double sampledFrequency() {
            return readsAboveReference / (double) settings.draws();
        }
    }

    private DeviceCharacterisation() {
    }

    public static Result run(Settings s) {
        DeviceModel model = s.model();
        double gRef = s.mapping().referenceMicroSiemens();
        double target;
        double minusTarget = Double.NaN;
        boolean deterministic = false;
        if (s.targetP() != null) {
            SynapseConductances c = new ConductanceSolver(model, s.mapping(), s.designSeconds()).target(s.targetP());
            target = c.positiveMicroSiemens();
            minusTarget = c.negativeMicroSiemens();
            deterministic = c.deterministic();
        } else {
            target = s.targetConductanceMicroSiemens();
        }
        boolean pair = !Double.isNaN(minusTarget);
        SplittableRandom rng = new SplittableRandom(s.seed());
        int n = s.draws();
        double[] programmed = new double[n];
        double[] nu = new double[n];
        double[] drifted = new double[n];
        double[] read = new double[n];
        double[] realised = new double[n];
        long attempts = 0;
        long pulses = 0;
        long above = 0;
        for (int i = 0; i < n; i++) {
            ProgrammingOutcome o = model.programWithOutcome(target, rng);
            programmed[i] = o.conductanceMicroSiemens();
            attempts += o.attempts();
            pulses += o.pulses();
            nu[i] = model.driftExponent(target, rng); // at the target, as aihwkit
            drifted[i] = model.drifted(programmed[i], nu[i], s.seconds());
            read[i] = model.read(programmed[i], drifted[i], s.seconds(), rng);
            if (pair) {
                double gm = model.program(minusTarget, rng);
                double gmd = model.drifted(gm, model.driftExponent(minusTarget, rng), s.seconds());
                double readMinus = model.read(gm, gmd, s.seconds(), rng);
                double sp = model.readNoiseSigmaMicroSiemens(programmed[i], drifted[i], s.seconds());
                double sm = model.readNoiseSigmaMicroSiemens(gm, gmd, s.seconds());
                double sd = Math.sqrt(sp * sp + sm * sm);
                realised[i] = sd > 0 ? Gaussian.cdf((drifted[i] - gmd) / sd) : (drifted[i] > gmd ? 1 : 0);
                if (read[i] > readMinus) {
                    above++;
                }
            } else {
                realised[i] = model.probabilityReadExceeds(programmed[i], drifted[i], gRef, s.seconds());
                if (read[i] > gRef) {
                    above++;
                }
            }
        }
        return new Result(s, target, minusTarget, deterministic, DistributionSummary.of(programmed), DistributionSummary.of(nu),
                DistributionSummary.of(drifted), DistributionSummary.of(read), DistributionSummary.of(realised),
                attempts / (double) n, pulses / (double) n, above, BinomialInterval.wilson(above, n, CONFIDENCE));
    }

    /** The results.json record (docs/MODEL.md §10): snake_case, units in key names, every setting recorded. */
    public static DeviceReport report(Result r) {
        Settings s = r.settings();
        DeviceReport.Settings settings = new DeviceReport.Settings(s.model().name(), s.targetConductanceMicroSiemens(),
                s.targetP(), s.seconds(), Durations.label(s.seconds()), s.designSeconds(), s.draws(), s.seed(),
                s.mapping(), deviceConfig(s.model()));
        DeviceReport.SenseAmplifier sa = new DeviceReport.SenseAmplifier(s.mapping().referenceMicroSiemens(),
                s.targetP(), s.targetP() == null ? null : r.interval().contains(s.targetP()), s.draws(),
                r.readsAboveReference(), r.sampledFrequency(), r.interval().low(), r.interval().high(),
                r.interval().confidence(), r.realisedP().mean(), r.realisedP());
        return new DeviceReport("device", settings, r.targetConductanceMicroSiemens(), r.minusTargetMicroSiemens(),
                r.deterministic(), r.programmed(), r.driftExponent(), r.drifted(), r.read(), r.meanAttempts(),
                r.meanPulses(), sa);
    }

    private static DeviceReport.DeviceConfig deviceConfig(DeviceModel model) {
        DeviceModel inner = model instanceof ProgramAndVerify pv ? pv.device() : model;
        Object config = null;
        if (inner instanceof IbmPcmModel ibm) {
            config = ibm.config();
        } else if (inner instanceof NandakumarModel nk) {
            config = nk.config();
        } else if (inner instanceof IdealDevice ideal) {
            config = new DeviceReport.IdealConfig(ideal.readSigmaMicroSiemens(), ideal.maxConductanceMicroSiemens());
        }
        if (model instanceof ProgramAndVerify pv) {
            return new DeviceReport.DeviceConfig(true, pv.toleranceMicroSiemens(), pv.maxAttempts(), pv.verifyReads(),
                    config);
        }
        return new DeviceReport.DeviceConfig(false, null, null, null, config);
    }
}
