package org.bayes2imc.imc;

/**
 * A maximal-length Galois linear-feedback shift register, the SRAM baseline's pseudo-random generator (docs/MODEL.md §6).
 * 16-bit taps 0xB400 (x^16 + x^14 + x^13 + x^11 + 1, period 2^16 − 1) or 32-bit taps 0x80200003
 * (x^32 + x^22 + x^2 + x + 1, period 2^32 − 1). The all-zero state is excluded. One sample advances the register by
 * its full width so successive words do not share shifted bits.
 */
public final class Lfsr {
    private final int width;
    private final int taps;
    private int state;

    public Lfsr(int width, long seed) {
        if (width != 16 && width != 32) {
            throw new IllegalArgumentException("LFSR width must be 16 or 32, got " + width);
        }
        this.width = width;
        this.taps = width == 16 ? 0xB400 : 0x80200003;
        int s = width == 16 ? (int) (seed & 0xFFFF) : (int) seed;
        this.state = s == 0 ? 1 : s;
    }

    public int width() {
        return width;
    }

    public int state() {
        return state;
    }

    /** One shift: the register's next state. */
    public int step() {
        int lsb = state & 1;
        state >>>= 1;
        if (lsb != 0) {
            state ^= taps;
        }
        return state;
    }

    /** The next {@code bits}-bit uniform word: the register advanced by its width, top {@code bits} bits. */
    public int nextWord(int bits) {
        for (int i = 0; i < width; i++) {
            step();
        }
        long unsigned = width == 16 ? state & 0xFFFFL : state & 0xFFFFFFFFL;
        return (int) (unsigned >>> (width - bits));
    }
}
