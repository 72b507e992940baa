package org.bayes2imc.imc;

/**
 * A maximal-length Galois linear-feedback shift register, the SRAM baseline's pseudo-random generator (docs/MODEL.md §6).
 * 16-bit taps 0xB400 (x^16 + x^14 + x^13 + x^11 + 1, period 2^16 − 1) or 32-bit taps 0x80200003
 * (x^32 + x^22 + x^2 + x + 1, period 2^32 − 1). The all-zero state is excluded. One sample advances the register by
 * its full width so successive words do not share shifted bits; since a Galois step is linear over GF(2), that advance
 * is applied a byte of the state at a time from tables of the advanced basis states (same states, not one shift a bit).
 */
public final class Lfsr {
    private static final int TAPS_16 = 0xB400;
    private static final int TAPS_32 = 0x80200003;
    /** Per byte position of the state and byte value, the state advanced by the register's width from that byte alone. */
    private static final int[][] ADVANCE_16 = advanceTables(16, TAPS_16);
    private static final int[][] ADVANCE_32 = advanceTables(32, TAPS_32);

    private final int width;
    private final int taps;
    private final int[][] advance;
    private int state;

    public Lfsr(int width, long seed) {
        if (width != 16 && width != 32) {
            throw new IllegalArgumentException("LFSR width must be 16 or 32, got " + width);
        }
        this.width = width;
        this.taps = width == 16 ? TAPS_16 : TAPS_32;
        this.advance = width == 16 ? ADVANCE_16 : ADVANCE_32;
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
        state = shift(state, taps);
        return state;
    }

    private static int shift(int state, int taps) {
        int lsb = state & 1;
        state >>>= 1;
        return lsb != 0 ? state ^ taps : state;
    }

    /**
     * advance[j][v]: the state (v &lt;&lt; 8j) after {@code width} shifts. The shift is linear over GF(2) (a shift and
     * an XOR of the taps when the dropped bit is 1), so a state's advance is the XOR of its bytes' advances.
     */
    private static int[][] advanceTables(int width, int taps) {
        int[][] t = new int[width / 8][256];
        for (int j = 0; j < t.length; j++) {
            for (int v = 0; v < 256; v++) {
                int s = v << (8 * j);
                for (int i = 0; i < width; i++) {
                    s = shift(s, taps);
                }
                t[j][v] = s;
            }
        }
        return t;
    }

    /** The next {@code bits}-bit uniform word: the register advanced by its width, top {@code bits} bits. */
    public int nextWord(int bits) {
        int s = state;
        int next = advance[0][s & 0xFF] ^ advance[1][(s >>> 8) & 0xFF];
        if (width == 32) {
            next ^= advance[2][(s >>> 16) & 0xFF] ^ advance[3][s >>> 24];
        }
        state = next;
        long unsigned = width == 16 ? next & 0xFFFFL : next & 0xFFFFFFFFL;
        return (int) (unsigned >>> (width - bits));
    }
}
