package org.bayes2imc.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Debian-packaged datasets, fetched into the user's cache by {@link TestData}. */
class RealDataTest {

    @Test
    void digitsNative() {
        Dataset d = Datasets.load("digits-8x8", "all", TestData.dataDir());
        assertThat(d.size()).isEqualTo(1797);
        assertThat(d.height()).isEqualTo(8);
        // First row of digits.csv.gz: 0,0,5,13,9,1,0,0,... label 0.
        assertThat(Arrays.copyOf(d.features(), 4)).containsExactly(0f, 0f, 5 / 16f, 13 / 16f);
        assertThat(d.labels()[0]).isZero();
        assertThat(d.labels()[1]).isEqualTo(1);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : d.features()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isZero();
        assertThat(max).isEqualTo(1f);
        int[] perClass = new int[10];
        Arrays.stream(d.labels()).forEach(l -> perClass[l]++);
        assertThat(perClass).containsExactly(178, 182, 177, 183, 181, 182, 181, 179, 174, 180); // sklearn load_digits counts
    }

    @Test
    void digitsResampledForOutOfDistributionUse() {
        Dataset native8 = Datasets.load("digits-8x8", "all", TestData.dataDir());
        Dataset d = TestData.digits();
        assertThat(d.size()).isEqualTo(1797);
        assertThat(d.channels()).isEqualTo(1);
        assertThat(d.height()).isEqualTo(28);
        assertThat(d.width()).isEqualTo(28);
        assertThat(d.labels()).containsExactly(native8.labels());
        double mean8 = 0;
        for (float v : native8.features()) {
            mean8 += v;
        }
        mean8 /= native8.features().length;
        double box = 0;
        int outsideNonZero = 0;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int k = 0; k < d.size(); k++) {
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    float v = d.features()[k * 784 + y * 28 + x];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    if (y < 4 || y >= 24 || x < 4 || x >= 24) {
                        outsideNonZero += v != 0 ? 1 : 0;
                    } else {
                        box += v;
                    }
                }
            }
        }
        assertThat(min).isZero();
        assertThat(max).isEqualTo(1f);
        assertThat(outsideNonZero).isZero(); // the MNIST-style frame of 4 black pixels
        // Mass is roughly preserved: the mean intensity of the 20x20 box matches the 8x8 original within 5 %.
        assertThat(box / (d.size() * 400.0) / mean8).isCloseTo(1.0, within(0.05));
    }

    @Test
    void resamplingKeepsConstantImagesConstantInsideTheBox() {
        float[] c = new float[2 * 64];
        Arrays.fill(c, 0.75f);
        for (DigitsResampling r : DigitsResampling.values()) {
            float[] out = r.apply(c, 2, 8);
            assertThat(out).hasSize(2 * 784);
            int lo = r == DigitsResampling.MNIST_BOX ? 4 : 0;
            int hi = 28 - lo;
            for (int i = 0; i < out.length; i++) {
                int y = (i % 784) / 28;
                int x = i % 28;
                boolean inside = y >= lo && y < hi && x >= lo && x < hi;
                assertThat(out[i]).as(r + " at " + y + "," + x).isCloseTo(inside ? 0.75f : 0f, within(1e-6f));
            }
        }
        // Nearest neighbour keeps the 17 intensity levels.
        Dataset d = DigitsCsv.to28x28(Datasets.load("digits-8x8", "all", TestData.dataDir()).slice(0, 50), DigitsResampling.NEAREST_FULL);
        long offLevel = 0;
        for (float v : d.features()) {
            offLevel += Math.abs(v * 16 - Math.round(v * 16)) > 1e-4 ? 1 : 0;
        }
        assertThat(offLevel).isZero();
    }

    @Test
    void breastCancerRowsAndSeededSplit() {
        Dataset all = Datasets.load("breast-cancer", "all", TestData.dataDir());
        assertThat(all.size()).isEqualTo(569);
        assertThat(all.channels()).isEqualTo(30);
        assertThat(all.features()[0]).isEqualTo(17.99f);
        assertThat(all.features()[29]).isEqualTo(0.1189f);
        assertThat(all.labels()[0]).isZero();
        assertThat(Arrays.stream(all.labels()).filter(l -> l == 0).count()).isEqualTo(212);
        Dataset train = Datasets.load("breast-cancer", "train", TestData.dataDir());
        Dataset test = Datasets.load("breast-cancer", "test", TestData.dataDir());
        assertThat(train.size()).isEqualTo(456);
        assertThat(test.size()).isEqualTo(113);
        assertThat(Arrays.stream(test.labels()).filter(l -> l == 0).count()).isEqualTo(42);
        assertThat(Datasets.load("breast-cancer", "test", TestData.dataDir()).features()).containsExactly(test.features());
        Normalisation norm = Normalisation.fit(train);
        assertThat(norm.mean()).hasSize(30);
        float[] z = norm.apply(train);
        double m0 = 0;
        for (int i = 0; i < train.size(); i++) {
            m0 += z[i * 30];
        }
        assertThat(m0 / train.size()).isCloseTo(0, within(1e-4));
    }

    @Test
    void fashionMnistFirstSamples() {
        Dataset test = TestData.fashionTest(500);
        assertThat(test.size()).isEqualTo(500);
        assertThat(test.name()).isEqualTo("fashion-mnist-test");
        assertThat(test.labels()[0]).isEqualTo(9); // the first Fashion-MNIST test image is an ankle boot
        assertThat(Arrays.stream(test.labels()).distinct().count()).isEqualTo(10);
        Dataset train = TestData.fashionTrain(100);
        assertThat(train.labels()[0]).isEqualTo(9);
        double mean = 0;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : train.features()) {
            mean += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isZero();
        assertThat(max).isEqualTo(1f);
        assertThat(mean / train.features().length).isBetween(0.2, 0.45); // Fashion-MNIST's mean pixel is 0.286
    }
}
