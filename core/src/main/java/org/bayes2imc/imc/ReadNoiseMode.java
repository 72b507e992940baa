package org.bayes2imc.imc;

/** Whether device read noise is drawn afresh at every read [default, physical] or frozen per evaluation time (docs/MODEL.md §4.3). */
public enum ReadNoiseMode {
    /** Every read draws new noise: successive reads give independent ensemble members. */
    PER_READ,
    /** One noise value per device and evaluation time: every member and image sees the same weights. */
    FROZEN;

    @com.fasterxml.jackson.annotation.JsonCreator
    public static ReadNoiseMode parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "per-read", "fresh" -> PER_READ;
            case "frozen" -> FROZEN;
            default -> throw new org.bayes2imc.io.InvalidSetting("read_noise", "must be per-read or frozen, got '" + s + "'");
        };
    }
}
