package org.bayes2imc.imc;

/**
 * Which arithmetic kernels evaluate a deployed core. Both compute the same exact digital sums of k-bit activation
 * codes and ±1 sense-amplifier outputs, so the choice changes speed only, never a result.
 */
public enum KernelChoice {
    /** Integer kernels where they apply and the CPU has VNNI, else float (the default). */
    AUTO,
    /** oneDNN u8 × s8 → s32 kernels; an error where they cannot run. */
    INT8,
    /** OpenBLAS SGEMM on float copies of the codes. */
    FLOAT;

    /** Reads auto, int8, float (case-insensitive). */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static KernelChoice parse(String s) {
        for (KernelChoice k : values()) {
            if (k.name().equalsIgnoreCase(s.trim())) {
                return k;
            }
        }
        throw new org.bayes2imc.io.InvalidSetting("kernel", "must be auto, int8 or float, got '" + s + "'");
    }
}
