package org.bayes2imc.imc;

import org.bayes2imc.device.DeviceModel;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How the sense amplifiers' reference follows conductance drift (docs/MODEL.md §7, [choice]). A strategy programs its own
 * reference devices alongside each layer's arrays at deployment time ({@link #program}); at an evaluation time the
 * resulting {@link ReferenceBank} gives the reference every sense amplifier compares a synapse read against.
 * Implementations: {@link NoCompensation}, {@link GlobalReferenceRescaling} (default), {@link ReferenceCell}.
 */
public interface DriftCompensation {
    /** Short name used on the command line and in results.json. */
    String id();

    /**
     * Programs the reference devices of one layer of one deployment.
     *
     * @param designSeconds the mapping's design read time t_d: the synapses were mapped against G_ref as read at
     *                      t_d, so a strategy's reference equals G_ref (in expectation) at t_d and follows drift
     *                      relative to it
     * @param columns       the layer's sense-amplifier columns (array columns over all row blocks), for per-column schemes
     * @param rng           this deployment's and layer's programming randomness (reference devices get their own noise and ν)
     */
    ReferenceBank program(DeviceModel device, double referenceMicroSiemens, double designSeconds, int columns,
                          RandomGenerator rng);

    /** The default: global reference rescaling with 64 reference devices per layer. */
    DriftCompensation DEFAULT = new GlobalReferenceRescaling(GlobalReferenceRescaling.DEFAULT_DEVICES);

    /** Parses {@code none | global | reference-cell}; {@code referenceDevices} is the global scheme's count. */
    static DriftCompensation parse(String s, int referenceDevices) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "none" -> new NoCompensation();
            case "global", "global-reference-rescaling" -> new GlobalReferenceRescaling(referenceDevices);
            case "reference-cell", "cell" -> new ReferenceCell();
            default -> throw new org.bayes2imc.io.InvalidSetting("compensation", "must be none, global or reference-cell, got '" + s + "'");
        };
    }
}
