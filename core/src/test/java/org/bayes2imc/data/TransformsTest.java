package org.bayes2imc.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Normalisation, splits and the CIFAR augmentation on hand-made data. */
class TransformsTest {

    private static Dataset numbered(int n, int classes) {
        float[] f = new float[n * 2];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            f[2 * i] = i;
            f[2 * i + 1] = 5;
            l[i] = i % classes;
        }
        return new Dataset("num", 2, 1, 1, classes, f, l);
    }

    @Test
    void normalisationFitGivesZeroMeanUnitStdPerChannel() {
        Dataset d = numbered(101, 2);
        Normalisation norm = Normalisation.fit(d);
        assertThat(norm.mean()[0]).isCloseTo(50f, within(1e-4f));
        assertThat(norm.std()[0]).isCloseTo((float) Math.sqrt((101 * 101 - 1) / 12.0), within(1e-3f));
        assertThat(norm.mean()[1]).isEqualTo(5f);
        assertThat(norm.std()[1]).isEqualTo(1f); // constant feature: maps to 0, no division by zero
        float[] z = norm.apply(d);
        double s = 0;
        double sq = 0;
        for (int i = 0; i < 101; i++) {
            s += z[2 * i];
            sq += z[2 * i] * z[2 * i];
            assertThat(z[2 * i + 1]).isEqualTo(0f);
        }
        assertThat(s / 101).isCloseTo(0, within(1e-5));
        assertThat(sq / 101).isCloseTo(1, within(1e-4));
        assertThat(norm.apply(d.features(), 1)).containsExactly(z);
    }

    @Test
    void trainValidationSplitIsDeterministicDisjointAndComplete() {
        Dataset d = numbered(1000, 10);
        Splits.Split a = Splits.trainValidation(d, 0.1, 42);
        Splits.Split b = Splits.trainValidation(d, 0.1, 42);
        Splits.Split c = Splits.trainValidation(d, 0.1, 43);
        assertThat(a.heldOut().size()).isEqualTo(100);
        assertThat(a.train().size()).isEqualTo(900);
        assertThat(a.heldOut().features()).containsExactly(b.heldOut().features());
        assertThat(a.heldOut().features()).isNotEqualTo(c.heldOut().features());
        assertThat(a.heldOut().name()).isEqualTo("num-validation");
        float[] all = new float[1000];
        for (Dataset part : new Dataset[]{a.train(), a.heldOut()}) {
            for (int i = 0; i < part.size(); i++) {
                all[(int) part.features()[2 * i]] += 1;
            }
        }
        float[] ones = new float[1000];
        Arrays.fill(ones, 1f);
        assertThat(all).containsExactly(ones); // every sample exactly once
    }

    @Test
    void stratifiedHoldOutKeepsClassProportions() {
        Dataset d = numbered(1000, 4);
        Splits.Split s = Splits.stratifiedHoldOut(d, 0.2, 7);
        for (int c = 0; c < 4; c++) {
            final int cls = c;
            assertThat(Arrays.stream(s.heldOut().labels()).filter(l -> l == cls).count()).isEqualTo(50);
        }
        assertThat(s.train().size()).isEqualTo(800);
    }

    @Test
    void augmentationIsDeterministicPerSeed() {
        float[] batch = new float[8 * 3 * 32 * 32];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = (i % 997) / 997f;
        }
        CifarAugmentation aug = CifarAugmentation.STANDARD;
        assertThat(aug.apply(batch, 8, 3, 32, 32, 5)).containsExactly(aug.apply(batch, 8, 3, 32, 32, 5));
        assertThat(aug.apply(batch, 8, 3, 32, 32, 5)).isNotEqualTo(aug.apply(batch, 8, 3, 32, 32, 6));
        // A sample's draw does not depend on the rest of the batch.
        float[] first = Arrays.copyOf(aug.apply(batch, 8, 3, 32, 32, 5), 3 * 32 * 32);
        assertThat(aug.apply(Arrays.copyOf(batch, 3 * 32 * 32), 1, 3, 32, 32, 5)).containsExactly(first);
    }

    @Test
    void flipMirrorsAndCropShiftsWithZeroPadding() {
        int h = 4;
        int w = 5;
        float[] img = new float[h * w];
        for (int i = 0; i < img.length; i++) {
            img[i] = i + 1;
        }
        float[] flipped = new CifarAugmentation(0, 1.0).apply(img, 1, 1, h, w, 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertThat(flipped[y * w + x]).isEqualTo(img[y * w + (w - 1 - x)]);
            }
        }
        CifarAugmentation crop = new CifarAugmentation(2, 0.0);
        for (long seed = 0; seed < 20; seed++) {
            CifarAugmentation.Placement p = crop.placement(seed, 0);
            assertThat(p.flip()).isFalse();
            assertThat(p.dy()).isBetween(-2, 2);
            float[] out = crop.apply(img, 1, 1, h, w, seed);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sy = y + p.dy();
                    int sx = x + p.dx();
                    float want = sy >= 0 && sy < h && sx >= 0 && sx < w ? img[sy * w + sx] : 0f;
                    assertThat(out[y * w + x]).isEqualTo(want);
                }
            }
        }
    }

    @Test
    void placementsAreUniformAndFlipHalfTheTime() {
        CifarAugmentation aug = CifarAugmentation.STANDARD;
        int n = 9000;
        int flips = 0;
        int[] dx = new int[9];
        for (int i = 0; i < n; i++) {
            CifarAugmentation.Placement p = aug.placement(123, i);
            flips += p.flip() ? 1 : 0;
            dx[p.dx() + 4]++;
        }
        // Binomial bounds at about 4.5 standard deviations.
        assertThat(flips).isBetween(n / 2 - 215, n / 2 + 215);
        IntStream.of(dx).forEach(k -> assertThat(k).isBetween(1000 - 135, 1000 + 135));
    }
}
