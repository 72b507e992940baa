package org.bayes2imc.imc;

import org.bayes2imc.device.DeviceModel;

/**
 * Solves, per synapse, the target conductance(s) whose read exceeds the reference with probability p (SPEC §5):
 * single device p = Φ((G − G_ref)/σ_r(G)); differential pair G± = G_ref ± d/2 with
 * p = Φ(d / √(σ_r(G+)² + σ_r(G−)²)). σ_r is the device's read noise at the mapping time. p(G) is monotone, so it is
 * tabulated once on a fine grid, inverted by binary search and refined by two secant steps on the exact p(G).
 */
public final class ConductanceTargets {
    private static final int GRID = 1 << 14;
    private final DeviceModel device;
    private final SynapseEncoding encoding;
    private final MappingConfig mapping;
    private final double lo;
    private final double hi;
    private final double[] grid;
    private final double[] pGrid;

    public ConductanceTargets(DeviceModel device, SynapseEncoding encoding, MappingConfig mapping) {
        this.device = device;
        this.encoding = encoding;
        this.mapping = mapping;
        double gRef = mapping.referenceMicroSiemens();
        double gMax = device.maxConductanceMicroSiemens();
        if (gRef >= gMax) {
            throw new IllegalArgumentException("G_ref " + gRef + " µS must be below the device's maximum " + gMax + " µS");
        }
        if (encoding == SynapseEncoding.SINGLE_DEVICE) {
            lo = 0.0;
            hi = gMax;
        } else {
            double half = Math.min(gRef, gMax - gRef);
            lo = -2 * half;
            hi = 2 * half;
        }
        grid = new double[GRID + 1];
        pGrid = new double[GRID + 1];
        for (int i = 0; i <= GRID; i++) {
            grid[i] = lo + (hi - lo) * i / GRID;
            pGrid[i] = probability(grid[i]);
        }
        for (int i = 1; i <= GRID; i++) {
            if (pGrid[i] < pGrid[i - 1]) {
                pGrid[i] = pGrid[i - 1]; // guard against non-monotone round-off; the search needs a sorted table
            }
        }
        if (!(pGrid[GRID] - pGrid[0] > 0.5)) {
            throw new IllegalArgumentException("device " + device.name() + " has too little read noise at "
                    + mapping.mappingSeconds() + " s to encode probabilities against G_ref = " + gRef + " µS");
        }
    }

    public SynapseEncoding encoding() {
        return encoding;
    }

    public MappingConfig mapping() {
        return mapping;
    }

    /** Realised P(read exceeds the reference) at the mapping time for a parameter x (G for single, d for pair). */
    private double probability(double x) {
        double t = mapping.mappingSeconds();
        if (encoding == SynapseEncoding.SINGLE_DEVICE) {
            double s = device.readNoiseSigmaMicroSiemens(x, t);
            double diff = x - mapping.referenceMicroSiemens();
            return s > 0 ? NormalCdf.phi(diff / s) : (diff > 0 ? 1 : 0);
        }
        double gp = mapping.referenceMicroSiemens() + x / 2;
        double gm = mapping.referenceMicroSiemens() - x / 2;
        double sp = device.readNoiseSigmaMicroSiemens(gp, t);
        double sm = device.readNoiseSigmaMicroSiemens(gm, t);
        double s = Math.sqrt(sp * sp + sm * sm);
        return s > 0 ? NormalCdf.phi(x / s) : (x > 0 ? 1 : 0);
    }

    /** The solved parameter (G for single device, d for a pair) for a probabilistic synapse with P(+1) = p. */
    public double solve(double p) {
        if (p <= pGrid[0]) {
            return lo;
        }
        if (p >= pGrid[GRID]) {
            return hi;
        }
        int a = 0;
        int b = GRID;
        while (b - a > 1) {
            int m = (a + b) >>> 1;
            if (pGrid[m] <= p) {
                a = m;
            } else {
                b = m;
            }
        }
        double x0 = grid[a];
        double x1 = grid[b];
        double p0 = pGrid[a];
        double p1 = pGrid[b];
        double x = p1 > p0 ? x0 + (p - p0) * (x1 - x0) / (p1 - p0) : x0;
        for (int it = 0; it < 3; it++) { // regula falsi keeps the root bracketed while converging fast
            double px = probability(x);
            if (px == p) {
                break;
            }
            if (px < p) {
                x0 = x;
                p0 = px;
            } else {
                x1 = x;
                p1 = px;
            }
            if (p1 <= p0) {
                break;
            }
            x = x0 + (p - p0) * (x1 - x0) / (p1 - p0);
        }
        return x;
    }

    /** Writes the synapse's target conductance(s) (µS) at {@code out[offset..offset+devices)}. */
    public void targets(double p, boolean clamp, float[] out, int offset) {
        boolean single = encoding == SynapseEncoding.SINGLE_DEVICE;
        if (clamp || mapping.deterministic(p)) {
            boolean plus = p >= 0.5;
            double on = mapping.setMicroSiemens();
            double off = mapping.resetMicroSiemens();
            out[offset] = (float) (plus ? on : off);
            if (!single) {
                out[offset + 1] = (float) (plus ? off : on);
            }
            return;
        }
        double x = solve(p);
        if (single) {
            out[offset] = (float) x;
        } else {
            out[offset] = (float) (mapping.referenceMicroSiemens() + x / 2);
            out[offset + 1] = (float) (mapping.referenceMicroSiemens() - x / 2);
        }
    }
}
