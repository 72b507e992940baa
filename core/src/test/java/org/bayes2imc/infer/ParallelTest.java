package org.bayes2imc.infer;

import org.bayes2imc.io.InvalidSetting;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The thread count is passed in and bound per call, never global: bindings nest, restore, and stay on their thread. */
class ParallelTest {
    @Test
    void aCallRunsOnTheEngineItNamesAndRestoresThePreviousOne() {
        assertThat(Parallel.current()).isSameAs(Parallel.machine());
        int inner = Parallel.of(3).call(() -> {
            assertThat(Parallel.current().threads()).isEqualTo(3);
            int nested = Parallel.of(1).call(() -> Parallel.current().threads());
            assertThat(Parallel.current().threads()).as("restored after the nested call").isEqualTo(3);
            return nested;
        });
        assertThat(inner).isEqualTo(1);
        assertThat(Parallel.current()).as("nothing left bound").isSameAs(Parallel.machine());
    }

    @Test
    void aBindingOnOneThreadDoesNotReachAnother() throws Exception {
        int seen = Parallel.of(2).call(() -> CompletableFuture.supplyAsync(() -> Parallel.current().threads(),
                runnable -> new Thread(runnable).start()).join());
        assertThat(seen).isEqualTo(Parallel.machine().threads());
    }

    @Test
    void everyTaskRunsOnceOnTheBoundEngine() {
        AtomicIntegerArray runs = new AtomicIntegerArray(100);
        Parallel.of(2).run(() -> Parallel.forEach(100, runs::incrementAndGet));
        for (int t = 0; t < 100; t++) {
            assertThat(runs.get(t)).isEqualTo(1);
        }
    }

    @Test
    void aThreadCountBelowOneIsRefusedByItsFieldName() {
        assertThatThrownBy(() -> Parallel.of(0)).isInstanceOf(InvalidSetting.class).hasMessage("threads must be in 1..32767, got 0");
    }
}
