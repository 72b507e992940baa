package org.bayes2imc.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared option checks: ranges, the meaning of 0, and the heap estimate. */
class ChecksTest {
    @Test
    void zeroThreadsMeansAllProcessorsAndTheCapIsNamed() {
        assertThat(Checks.threads("--threads", 0)).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(Checks.threads("--threads", 3)).isEqualTo(3);
        assertThatThrownBy(() -> Checks.threads("--threads", 1025)).hasMessage("--threads must be in 0..1024, got 1025");
    }

    @Test
    void memoryBeyondTheHeapIsRefusedAndWithinItPasses() {
        long heap = Runtime.getRuntime().maxMemory();
        Checks.memory("--samples 1", 0.5 * heap);
        assertThatThrownBy(() -> Checks.memory("--samples 10000 × 10000 images × 10 classes", 1.0 * heap))
                .hasMessageStartingWith("--samples 10000 × 10000 images × 10 classes needs ")
                .hasMessageContaining("of the " + Checks.size(heap) + " heap");
    }

    @Test
    void physicalRanges() {
        assertThat(Checks.arraySize("--array-size", 8)).isEqualTo(8);
        assertThat(Checks.arraySize("--array-size", 4096)).isEqualTo(4096);
        assertThatThrownBy(() -> Checks.arraySize("--array-size", 96)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> Checks.arraySize("--array-size", 8192)).hasMessageContaining("8..4096");
        assertThatThrownBy(() -> Checks.epsilon("--epsilon", 0)).hasMessage("--epsilon must be in (0, 0.5), got 0");
        assertThatThrownBy(() -> Checks.scale("--drift-scale", Double.POSITIVE_INFINITY)).hasMessageContaining("got Infinity");
        assertThat(Checks.size(1536)).isEqualTo("1.5 KB");
    }
}
