package org.bayes2imc.hardware;

/** The component library read at one configuration's node and supply: what each action and instance costs. */
public record Pricing(ComponentLibrary library, PpaConfig config) {

    public Component get(String name) {
        return library.at(name, config.nodeNm(), config.vddV(), 0);
    }

    public Component get(String name, int bits) {
        return library.at(name, config.nodeNm(), config.vddV(), bits);
    }

    /** Bits of an array column accumulator: k-bit activations summed over up to arraySize rows, signed. */
    public int accumulatorBits() {
        return config.activationBits() + log2Ceil(config.arraySize()) + 1;
    }

    /** Bits of a layer's merged partial sum over fanIn rows, signed. */
    public int sumBits(int fanIn) {
        return config.activationBits() + log2Ceil(fanIn) + 1;
    }

    public static int log2Ceil(long n) {
        return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }
}
