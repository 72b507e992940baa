package org.bayes2imc.imc;

/** How one Bayesian synapse is stored (SPEC §5): one device against the reference, or a differential pair. */
public enum SynapseEncoding {
    /** One device; the sense amplifier compares its read with the reference conductance G_ref. */
    SINGLE_DEVICE(1),
    /** Two devices G+ and G− around G_ref; the sense amplifier compares their two reads (no reference needed). */
    DIFFERENTIAL_PAIR(2);

    private final int devices;

    SynapseEncoding(int devices) {
        this.devices = devices;
    }

    public int devicesPerSynapse() {
        return devices;
    }

    public static SynapseEncoding parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "single", "single-device" -> SINGLE_DEVICE;
            case "differential", "differential-pair", "pair" -> DIFFERENTIAL_PAIR;
            default -> throw new IllegalArgumentException("--encoding must be single or differential, got '" + s + "'");
        };
    }
}
