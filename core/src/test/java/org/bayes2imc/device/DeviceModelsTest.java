package org.bayes2imc.device;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceModelsTest {
    @Test
    void createsEveryRegisteredModel() {
        for (String name : DeviceModels.NAMES) {
            DeviceModel m = DeviceModels.create(name);
            assertThat(m.name()).isEqualTo(name);
            assertThat(m.maxConductanceMicroSiemens()).isEqualTo(25.0);
        }
        assertThat(DeviceModels.create(" IBM-PCM ")).isInstanceOf(IbmPcmModel.class);
        assertThat(((IbmPcmModel) DeviceModels.create("ibm-pcm", 0, 1, 0.5)).config().driftScale()).isEqualTo(0.5);
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> DeviceModels.create("rram")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown device model 'rram'; known: ibm-pcm, nandakumar, ideal");
    }

    @Test
    void idealDeviceIsExactAndDriftFree() {
        IdealDevice d = new IdealDevice();
        var rng = new SplittableRandom(1);
        assertThat(d.program(7.3, rng)).isEqualTo(7.3);
        assertThat(d.drifted(7.3, d.driftExponent(7.3, rng), Durations.YEAR)).isEqualTo(7.3);
        assertThat(d.readNoiseSigmaMicroSiemens(3.0, 3.0, 1e7)).isEqualTo(1.0);
        assertThat(d.meanDriftExponent(3.0)).isZero();
        assertThat(d.probabilityReadExceeds(6.0, 6.0, 5.0, 0.0)).isCloseTo(Gaussian.cdf(1.0), org.assertj.core.api.Assertions.within(1e-15));
    }
}
