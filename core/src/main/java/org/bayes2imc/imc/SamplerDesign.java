package org.bayes2imc.imc;

/**
 * Which sampler draws the weight samples (docs/MODEL.md §5, §6): PCM read noise through sense amplifiers, or SRAM words
 * + LFSR. Named apart from {@code hardware.Design}, the cores the PPA model prices.
 */
public enum SamplerDesign {
    /** PCM devices programmed near the sense-amplifier reference; their read noise draws each sample. */
    BAYES2IMC,
    /** p stored as a b-bit SRAM word, sampled by an LFSR and a comparator (the digital baseline). */
    SRAM;

    @com.fasterxml.jackson.annotation.JsonCreator
    public static SamplerDesign parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "bayes2imc", "pcm" -> BAYES2IMC;
            case "sram" -> SRAM;
            default -> throw new org.bayes2imc.io.InvalidSetting("design", "must be bayes2imc or sram, got '" + s + "'");
        };
    }
}
