package org.bayes2imc.device;

import org.apache.commons.numbers.rootfinder.BrentSolver;

/**
 * Maps a weight probability p = P(w = +1) to target conductances (docs/MODEL.md §5) for one device model, mapping setting
 * and design read time, and gives the probability a programmed synapse is actually sampled with.
 *
 * <p>Single device: solve Φ((G_d − G_ref)/σ_r(G, G_d, t_d)) = p for G ∈ [0, g_max], i.e. the root of
 * h(G) = (G_d(G) − G_ref) − Φ⁻¹(p)·σ_r(G, G_d(G), t_d), by Brent's bracketing method (Commons Numbers) until the bracket is narrower
 * than the configured tolerance (1e-9 µS by default; the p error is then below 1e-9/σ_r ≈ 1e-8 for σ_r ≳ 0.1 µS).
 * G_d grows with G (the mean drift exponent falls slowly with ln G), and (G_d − G_ref)/σ_r is increasing in G for
 * the IBM model (σ_r ∝ G^0.35 between the Q_s clips), the Nandakumar
 * model (σ_r linear with positive intercept) and the ideal device (constant σ_r), so the root is unique.
 * Differential pair: G± = m ± d/2 around the configured midpoint m, solve Φ((G+_d − G−_d) / sqrt(σ_r(G+)² + σ_r(G−)²)) = p
 * for d ∈ [−2·min(m, g_max − m), +2·min(m, g_max − m)] the same way. When p is not reachable inside the range,
 * the nearest bound is returned ({@link #realisedProbability} says what p results).
 *
 * <p>The mapping targets p at a design read time t_d (docs/MODEL.md §4.3): G is the programming target whose expected
 * conductance at t_d, G_d = {@link DeviceModel#expectedDrifted}(G, t_d) (the mean drift exponent at G), read with
 * σ_r(programmed G, drifted G_d, t_d), exceeds G_ref with probability p — so reads at t_d without compensation
 * realise p up to programming noise and the spread of ν; drift after t_d is left to drift compensation. The
 * realised probability, in contrast, accounts for the device's programmed value, ν and drift exactly.
 * Deterministic synapses (p &lt; ε or p &gt; 1 − ε) get SET/RESET (single device: SET if p &gt; 1 − ε; pair:
 * (SET, RESET) or (RESET, SET)).
 *
 * <p>With {@link TargetNoise#READ_AND_PROGRAMMING} the target instead solves E[Φ((g_d − G_ref)/σ_r(g, g_d, t_d))] = p
 * (pair: the same expectation of Φ((g+_d − g−_d)/sqrt(σ+² + σ−²)) over both devices), the expectation over one
 * programming's conductance g and drift exponent ν: the mean realised probability over programmings is then p, while
 * the read-noise target is shrunk toward 1/2 by the programming error (docs/MODEL.md §5). That expectation is
 * tabulated once per solver ({@link ProgrammingAwareTable}) and inverted by interpolation. For a model whose
 * programming has no spread (an ideal device; the Monte-Carlo floor's model) the expectation is the read-noise form,
 * solved exactly as above.
 */
public final class ConductanceSolver {
    private final DeviceModel model;
    private final MappingConfig config;
    private final double seconds;
    private final boolean programmingAware;
    private ProgrammingAwareTable singleTable;
    private ProgrammingAwareTable pairTable;

    /** @param seconds the design read time t_d, seconds since programming (≥ 0) */
    public ConductanceSolver(DeviceModel model, MappingConfig config, double seconds) {
        IbmPcmModel.checkTime(seconds);
        this.model = model;
        this.config = config;
        this.seconds = seconds;
        this.programmingAware = config.targetNoise() == TargetNoise.READ_AND_PROGRAMMING
                && ProgrammingAwareTable.hasProgrammingSpread(model);
        if (programmingAware) {
            // built here, once, so that the parallel callers of target() share it
            if (config.encoding() == SynapseEncoding.DIFFERENTIAL_PAIR) {
                pairTable();
            } else {
                singleTable();
            }
        }
    }

    private boolean programmingAware() {
        return programmingAware;
    }

    private synchronized ProgrammingAwareTable singleTable() {
        if (singleTable == null) {
            singleTable = ProgrammingAwareTable.single(model, config.referenceMicroSiemens(), seconds);
        }
        return singleTable;
    }

    private synchronized ProgrammingAwareTable pairTable() {
        if (pairTable == null) {
            checkMidpoint(config.pairMidpointMicroSiemens());
            pairTable = ProgrammingAwareTable.pair(model, config.pairMidpointMicroSiemens(), seconds);
        }
        return pairTable;
    }

    /**
     * The probability a read at the design read time exceeds G_ref, averaged over one programming of a device
     * targeted at g (programmed conductance and drift exponent): what the read+programming target solves for.
     */
    public double expectedProbability(double targetMicroSiemens) {
        return ProgrammingAwareTable.expectedSingle(model, targetMicroSiemens, config.referenceMicroSiemens(), seconds);
    }

    /** As {@link #expectedProbability} for a pair programmed to (G+, G−). */
    public double expectedPairProbability(double plusMicroSiemens, double minusMicroSiemens) {
        return ProgrammingAwareTable.expectedPair(model, plusMicroSiemens, minusMicroSiemens, seconds);
    }

    public DeviceModel model() {
        return model;
    }

    public MappingConfig config() {
        return config;
    }

    public double seconds() {
        return seconds;
    }

    /** The synapse's target conductances under the configured encoding. */
    public SynapseConductances target(double p) {
        checkProbability(p);
        boolean pair = config.encoding() == SynapseEncoding.DIFFERENTIAL_PAIR;
        if (config.isDeterministic(p)) {
            double hi = config.setMicroSiemens();
            double lo = config.resetMicroSiemens();
            boolean plus = p > 0.5;
            return pair ? new SynapseConductances(plus ? hi : lo, plus ? lo : hi, true)
                    : new SynapseConductances(plus ? hi : lo, Double.NaN, true);
        }
        if (pair) {
            double d = pairDifference(p);
            double m = config.pairMidpointMicroSiemens();
            return new SynapseConductances(m + d / 2.0, m - d / 2.0, false);
        }
        return new SynapseConductances(singleDeviceConductance(p), Double.NaN, false);
    }

    /** Single-device target G for p (SET/RESET when deterministic). */
    public double singleDeviceTarget(double p) {
        checkProbability(p);
        if (config.isDeterministic(p)) {
            return p > 0.5 ? config.setMicroSiemens() : config.resetMicroSiemens();
        }
        return singleDeviceConductance(p);
    }

    /** {@link #singleDeviceTarget} for every entry. */
    public double[] singleDeviceTargets(double[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = singleDeviceTarget(p[i]);
        }
        return out;
    }

    /** {@link #singleDeviceTarget} for every entry of a float array (weights' p as the model files hold them). */
    public float[] singleDeviceTargets(float[] p) {
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) singleDeviceTarget(p[i]);
        }
        return out;
    }

    /** {@link #target} for every entry. */
    public SynapseConductances[] targets(double[] p) {
        SynapseConductances[] out = new SynapseConductances[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = target(p[i]);
        }
        return out;
    }

    /**
     * The G in [0, g_max] with Φ((G − G_ref)/σ_r(G)) = p (or its expectation over programming, as configured),
     * without the deterministic shortcut; p in (0, 1).
     */
    public double singleDeviceConductance(double p) {
        checkOpenProbability(p);
        if (programmingAware()) {
            return singleTable().invert(p);
        }
        double z = Gaussian.inverseCdf(p);
        double ref = config.referenceMicroSiemens();
        return brent(0.0, model.maxConductanceMicroSiemens(), config.solverToleranceMicroSiemens(), g -> {
            double gd = model.expectedDrifted(g, seconds);
            return (gd - ref) - z * model.readNoiseSigmaMicroSiemens(g, gd, seconds);
        });
    }

    /** The difference d = G+ − G− of a pair around the midpoint for p in (0, 1). */
    public double pairDifference(double p) {
        checkOpenProbability(p);
        double z = Gaussian.inverseCdf(p);
        double m = config.pairMidpointMicroSiemens();
        double half = checkMidpoint(m);
        if (programmingAware()) {
            return pairTable().invert(p);
        }
        return brent(-2.0 * half, 2.0 * half, config.solverToleranceMicroSiemens(), d -> {
            double gp = m + d / 2.0;
            double gm = m - d / 2.0;
            double gpd = model.expectedDrifted(gp, seconds);
            double gmd = model.expectedDrifted(gm, seconds);
            double sp = model.readNoiseSigmaMicroSiemens(gp, gpd, seconds);
            double sm = model.readNoiseSigmaMicroSiemens(gm, gmd, seconds);
            return (gpd - gmd) - z * Math.sqrt(sp * sp + sm * sm);
        });
    }

    /**
     * The programming target in [0, g_max] whose expected conductance {@code seconds} after programming is
     * {@code expectedMicroSiemens}: how reference devices are placed so that they sit at G_ref at the design read
     * time, as the synapses mapped against G_ref do. The nearest bound when out of reach.
     */
    public static double programmedForExpected(DeviceModel model, double expectedMicroSiemens, double seconds,
                                               double toleranceMicroSiemens) {
        IbmPcmModel.checkTime(seconds);
        return brent(0.0, model.maxConductanceMicroSiemens(), toleranceMicroSiemens,
                g -> model.expectedDrifted(g, seconds) - expectedMicroSiemens);
    }

    /**
     * Probability that a read at the evaluation time of a device programmed to g with drift exponent ν exceeds
     * G_ref: exactly the frequency of {@code model.read(g, model.drifted(g, ν, t), t, rng) > G_ref}.
     */
    public double realisedProbability(double programmedMicroSiemens, double nu) {
        return realisedProbability(model, programmedMicroSiemens, nu, seconds, config.referenceMicroSiemens());
    }

    /** As {@link #realisedProbability(double, double)} with every argument explicit. */
    public static double realisedProbability(DeviceModel model, double programmedMicroSiemens, double nu,
                                             double seconds, double referenceMicroSiemens) {
        double gd = model.drifted(programmedMicroSiemens, nu, seconds);
        return model.probabilityReadExceeds(programmedMicroSiemens, gd, referenceMicroSiemens, seconds);
    }

    /**
     * Probability that read(G+) &gt; read(G−) at the evaluation time for a programmed pair:
     * Φ((g+ − g−)/sqrt(σ+² + σ−²)) on the drifted means. Exact for unclamped Gaussian reads; the clamp of reads
     * at 0 matters only when a mean is within a few σ of 0.
     */
    public double realisedPairProbability(double plusMicroSiemens, double nuPlus, double minusMicroSiemens, double nuMinus) {
        double gp = model.drifted(plusMicroSiemens, nuPlus, seconds);
        double gm = model.drifted(minusMicroSiemens, nuMinus, seconds);
        double sp = model.readNoiseSigmaMicroSiemens(plusMicroSiemens, gp, seconds);
        double sm = model.readNoiseSigmaMicroSiemens(minusMicroSiemens, gm, seconds);
        double s = Math.sqrt(sp * sp + sm * sm);
        if (s <= 0.0) {
            return gp > gm ? 1.0 : 0.0;
        }
        return Gaussian.cdf((gp - gm) / s);
    }

    /**
     * Root of an increasing function on [lo, hi] by Brent's method (Brent 1973 "zeroin", Apache Commons Numbers'
     * {@code BrentSolver}), to the absolute tolerance {@code tol}; the nearest bound when there is no sign change
     * (the target is out of the device's reach).
     */
    private static double brent(double lo, double hi, double tol, java.util.function.DoubleUnaryOperator h) {
        if (h.applyAsDouble(lo) >= 0.0) {
            return lo;
        }
        if (h.applyAsDouble(hi) <= 0.0) {
            return hi;
        }
        return new BrentSolver(tol, 0.0, 0.0).findRoot(h, lo, hi);
    }

    private double checkMidpoint(double m) {
        double half = Math.min(m, model.maxConductanceMicroSiemens() - m);
        if (!(half > 0.0)) {
            throw new IllegalArgumentException("pair midpoint " + m + " µS must lie inside (0, g_max = "
                    + model.maxConductanceMicroSiemens() + " µS)");
        }
        return half;
    }

    private static void checkProbability(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("probability must lie in [0, 1], got " + p);
        }
    }

    private static void checkOpenProbability(double p) {
        if (!(p > 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("probability must lie in (0, 1), got " + p);
        }
    }
}
