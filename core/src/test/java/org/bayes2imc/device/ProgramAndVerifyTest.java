package org.bayes2imc.device;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramAndVerifyTest {
    @Test
    void verifyingReducesTheProgrammingSpread() {
        IbmPcmModel ibm = new IbmPcmModel();
        ProgramAndVerify pv = DeviceModels.withProgramAndVerify(ibm);
        int n = 20_000;
        double target = 10.0;
        RandomGenerator a = new SplittableRandom(41);
        RandomGenerator b = new SplittableRandom(42);
        double[] once = new double[n];
        double[] verified = new double[n];
        long attempts = 0;
        for (int i = 0; i < n; i++) {
            once[i] = ibm.program(target, a);
            ProgrammingOutcome o = pv.programWithOutcome(target, b);
            verified[i] = o.conductanceMicroSiemens();
            attempts += o.attempts();
            assertThat(o.attempts()).isBetween(1, 10);
        }
        Stats s1 = new Stats(once);
        Stats s2 = new Stats(verified);
        // Variance ratio of two samples of 2·10^4: its sampling error is about 1.5 %, so 0.8 is far outside chance.
        assertThat(s2.std * s2.std / (s1.std * s1.std)).isLessThan(0.8);
        assertThat(Math.abs(s2.mean - target)).isLessThan(0.05);
        assertThat(attempts / (double) n).isGreaterThan(1.5);
        assertThat(pv.totalAttempts()).isEqualTo(attempts);
        assertThat(pv.name()).isEqualTo("ibm-pcm+verify");
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new ProgramAndVerify(new IdealDevice(), 0.0, 3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> new ProgramAndVerify(new IdealDevice(), 0.5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
