package org.bayes2imc.device;

/**
 * The mapping of the read+programming target (docs/MODEL.md §5, {@link TargetNoise#READ_AND_PROGRAMMING}): the
 * probability a read at the design read time t_d exceeds G_ref (single device) or the other device (pair), averaged
 * over one programming's outcome — the programmed conductance and the drift exponent, as the device model's
 * {@link DeviceModel#programmedDistribution} and {@link DeviceModel#driftExponentDistribution} give them — tabulated
 * on a uniform grid of the target (G, or the pair's difference d) and inverted by linear interpolation on its
 * running maximum. The grid step (25/4096 µS for a single device at g_max = 25 µS) keeps the interpolation error in
 * p below 1e-4 (ConductanceSolverTest checks it against the expectation itself).
 */
final class ProgrammingAwareTable {
    static final int SINGLE_POINTS = 4097;
    static final int PAIR_POINTS = 2049;
    private final double[] target;
    private final double[] probability;

    private ProgrammingAwareTable(double[] target, double[] probability) {
        this.target = target;
        this.probability = probability;
        for (int i = 1; i < probability.length; i++) {
            // E[q] is increasing in the target; quadrature rounding in the flat tails must not break the inversion
            probability[i] = Math.max(probability[i], probability[i - 1]);
        }
    }

    /**
     * True when one programming of the model has a spread: its programmed conductance or drift exponent takes more
     * than one value at some probed target (a fifth, a half and four fifths of g_max). Without one the expectation is
     * the read-noise form, which the solver then solves exactly (an ideal device, or the Monte-Carlo floor's model).
     */
    static boolean hasProgrammingSpread(DeviceModel model) {
        for (double f : new double[] {0.2, 0.5, 0.8}) {
            double g = f * model.maxConductanceMicroSiemens();
            if (varies(model.programmedDistribution(g)) || varies(model.driftExponentDistribution(g))) {
                return true;
            }
        }
        return false;
    }

    private static boolean varies(QuadratureNodes n) {
        for (double v : n.values()) {
            if (v != n.values()[0]) {
                return true;
            }
        }
        return false;
    }

    /** The table of a single device read against a fixed G_ref at t_d. */
    static ProgrammingAwareTable single(DeviceModel model, double referenceMicroSiemens, double seconds) {
        double gMax = model.maxConductanceMicroSiemens();
        double[] g = new double[SINGLE_POINTS];
        double[] p = new double[SINGLE_POINTS];
        for (int i = 0; i < SINGLE_POINTS; i++) {
            g[i] = gMax * i / (SINGLE_POINTS - 1);
            p[i] = expectedSingle(model, g[i], referenceMicroSiemens, seconds);
        }
        return new ProgrammingAwareTable(g, p);
    }

    /** The table of a pair G± = m ± d/2 for d in [−2h, 2h], h = min(m, g_max − m). */
    static ProgrammingAwareTable pair(DeviceModel model, double midpointMicroSiemens, double seconds) {
        double half = Math.min(midpointMicroSiemens, model.maxConductanceMicroSiemens() - midpointMicroSiemens);
        double[] d = new double[PAIR_POINTS];
        double[] p = new double[PAIR_POINTS];
        for (int i = 0; i < PAIR_POINTS; i++) {
            d[i] = -2.0 * half + 4.0 * half * i / (PAIR_POINTS - 1);
            p[i] = expectedPair(model, midpointMicroSiemens + d[i] / 2.0, midpointMicroSiemens - d[i] / 2.0, seconds);
        }
        return new ProgrammingAwareTable(d, p);
    }

    /** E over one programming of P(read at t_d &gt; G_ref) for a device targeted at g. */
    static double expectedSingle(DeviceModel model, double targetMicroSiemens, double referenceMicroSiemens,
                                 double seconds) {
        QuadratureNodes g = model.programmedDistribution(targetMicroSiemens);
        QuadratureNodes nu = model.driftExponentDistribution(targetMicroSiemens);
        double sum = 0.0;
        for (int a = 0; a < g.size(); a++) {
            double inner = 0.0;
            for (int b = 0; b < nu.size(); b++) {
                double gd = model.drifted(g.values()[a], nu.values()[b], seconds);
                inner += nu.weights()[b]
                        * model.probabilityReadExceeds(g.values()[a], gd, referenceMicroSiemens, seconds);
            }
            sum += g.weights()[a] * inner;
        }
        return sum;
    }

    /** E over both devices' programmings of P(read(G+) &gt; read(G−)) at t_d. */
    static double expectedPair(DeviceModel model, double plusMicroSiemens, double minusMicroSiemens, double seconds) {
        double[][] plus = driftedNodes(model, plusMicroSiemens, seconds);
        double[][] minus = driftedNodes(model, minusMicroSiemens, seconds);
        double sum = 0.0;
        for (int i = 0; i < plus[0].length; i++) {
            double inner = 0.0;
            for (int j = 0; j < minus[0].length; j++) {
                double s = Math.sqrt(plus[1][i] * plus[1][i] + minus[1][j] * minus[1][j]);
                double diff = plus[0][i] - minus[0][j];
                inner += minus[2][j] * (s > 0.0 ? Gaussian.cdf(diff / s) : (diff > 0.0 ? 1.0 : 0.0));
            }
            sum += plus[2][i] * inner;
        }
        return sum;
    }

    /** {drifted mean, read σ, weight} of every (programmed, ν) node of one device at t_d. */
    private static double[][] driftedNodes(DeviceModel model, double targetMicroSiemens, double seconds) {
        QuadratureNodes g = model.programmedDistribution(targetMicroSiemens);
        QuadratureNodes nu = model.driftExponentDistribution(targetMicroSiemens);
        int n = g.size() * nu.size();
        double[][] out = new double[3][n];
        int k = 0;
        for (int a = 0; a < g.size(); a++) {
            for (int b = 0; b < nu.size(); b++) {
                double gd = model.drifted(g.values()[a], nu.values()[b], seconds);
                out[0][k] = gd;
                out[1][k] = model.readNoiseSigmaMicroSiemens(g.values()[a], gd, seconds);
                out[2][k] = g.weights()[a] * nu.weights()[b];
                k++;
            }
        }
        return out;
    }

    /** The target whose tabulated probability is p: linear interpolation, the nearest end when out of reach. */
    double invert(double p) {
        int last = probability.length - 1;
        if (p <= probability[0]) {
            return target[0];
        }
        if (p >= probability[last]) {
            return target[last];
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (probability[mid] <= p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double span = probability[hi] - probability[lo];
        return target[lo] + (p - probability[lo]) / span * (target[hi] - target[lo]);
    }
}
