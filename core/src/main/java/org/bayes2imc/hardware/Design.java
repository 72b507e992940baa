package org.bayes2imc.hardware;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The cores the PPA model can price (docs/MODEL.md §5, §6, §9), each backed by a {@link CoreDesign} strategy. */
public enum Design {
    /** PCM arrays, 1-bit sense amplifiers as sampler and readout, digital accumulation, no ADC (docs/MODEL.md §5). */
    BAYES2IMC("bayes2imc"),
    /** p stored as a b-bit SRAM word, LFSR + comparator per sample, digital accumulation (docs/MODEL.md §6). */
    SRAM("sram"),
    /** Conventional analog crossbar with column ADCs and bit-serial inputs (NeuroSim-style comparison). */
    ADC_IMC("adc-imc");

    private final String cliName;

    Design(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public CoreDesign core() {
        return switch (this) {
            case BAYES2IMC -> new Bayes2ImcCore();
            case SRAM -> new SramCore();
            case ADC_IMC -> new AdcImcCore();
        };
    }

    public static Design parse(String s) {
        for (Design d : values()) {
            if (d.cliName.equalsIgnoreCase(s.trim()) || d.name().equalsIgnoreCase(s.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown design '" + s + "'; known: "
                + Arrays.stream(values()).map(Design::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
