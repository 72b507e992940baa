package org.bayes2imc.imc;

import org.bayes2imc.device.BinomialInterval;
import org.bayes2imc.model.Architecture;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The SRAM baseline's LFSR and comparator (docs/MODEL.md §6). */
class LfsrTest {
    @Test
    void sixteenBitRegisterHasMaximalPeriod() {
        Lfsr l = new Lfsr(16, 0xACE1);
        int start = l.state();
        int period = 0;
        java.util.BitSet seen = new java.util.BitSet(1 << 16);
        do {
            assertThat(seen.get(l.state())).isFalse();
            seen.set(l.state());
            l.step();
            period++;
        } while (l.state() != start);
        assertThat(period).isEqualTo(65_535);
        assertThat(seen.get(0)).isFalse();
    }

    @Test
    void thirtyTwoBitRegisterDoesNotCycleEarly() {
        Lfsr l = new Lfsr(32, 12345);
        int start = l.state();
        for (int i = 0; i < 2_000_000; i++) {
            l.step();
            if (l.state() == 0 || l.state() == start) {
                throw new AssertionError("period " + (i + 1));
            }
        }
    }

    /** A word advances the register by its width: the table-driven advance gives the states of single shifts. */
    @Test
    void aWordIsTheRegisterAdvancedByItsWidth() {
        SplittableRandom r = new SplittableRandom(3);
        for (int width : new int[] {16, 32}) {
            for (int trial = 0; trial < 2_000; trial++) {
                long seed = r.nextLong();
                int bits = 1 + r.nextInt(16);
                Lfsr byWords = new Lfsr(width, seed);
                Lfsr byShifts = new Lfsr(width, seed);
                for (int w = 0; w < 5; w++) {
                    int word = byWords.nextWord(bits);
                    for (int i = 0; i < width; i++) {
                        byShifts.step();
                    }
                    long unsigned = width == 16 ? byShifts.state() & 0xFFFFL : byShifts.state() & 0xFFFFFFFFL;
                    assertThat(byWords.state()).isEqualTo(byShifts.state());
                    assertThat(word).isEqualTo((int) (unsigned >>> (width - bits)));
                }
            }
        }
    }

    @Test
    void comparatorFrequencyMatchesTheStoredWord() {
        int n = 100_000;
        Architecture a = Architecture.of("column", ":1", n, 1, 1, 2);
        LfsrSampler s = new LfsrSampler(a, 8);
        for (double p : new double[] {0.004, 0.1, 0.25, 0.5, 0.77, 0.95, 0.996}) {
            float qWord = LfsrSampler.word(p, 8) / 256f;
            float[] q = new float[n];
            java.util.Arrays.fill(q, qWord);
            float[] w = new float[n];
            long plus = 0;
            for (int rep = 0; rep < 3; rep++) {
                s.draw(0, null, q, new SplittableRandom(rep * 31L + 7), w);
                for (float v : w) {
                    if (v > 0) {
                        plus++;
                    }
                }
            }
            assertThat(BinomialInterval.wilson(plus, 3L * n, 0.999).contains(qWord)).as("p=%s", p).isTrue();
        }
    }

    @Test
    void wordsAreRoundedToBBits() {
        assertThat(LfsrSampler.word(0.5, 8)).isEqualTo(128);
        assertThat(LfsrSampler.word(0.0009, 8)).isZero();
        assertThat(LfsrSampler.word(1.0, 8)).isEqualTo(256);
    }
}
